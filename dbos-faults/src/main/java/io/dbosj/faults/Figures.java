package io.dbosj.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * One scenario's figures on one database. Counts start at 0; times are seconds, null when not
 * measured. Anything in {@link #failures} fails the run.
 */
final class Figures {
  final String scenario;
  final String database;
  int workflows;
  int kills;
  int lost;
  int errors;
  int duplicates;
  int rerunsAfterCheckpoint;
  int rerunsBeforeCheckpoint;
  /** Seconds until a survivor took a dead executor's work and its queue moved; null if not measured. */
  Double takeoverSeconds;
  /** Seconds from the database being back until work completed again; null if not measured. */
  Double recoverSeconds;
  final List<String> notes = new ArrayList<>();
  final List<String> failures = new ArrayList<>();

  Figures(String scenario, String database) {
    this.scenario = scenario;
    this.database = database;
  }

  /** Adds the standard failures: anything lost, done twice, re-run after its checkpoint, or ERROR. */
  void failOnLossesAndDuplicates() {
    if (lost > 0) {
      failures.add(lost + " lost");
    }
    if (duplicates > 0) {
      failures.add(duplicates + " duplicates");
    }
    if (rerunsAfterCheckpoint > 0) {
      failures.add(rerunsAfterCheckpoint + " re-runs after a committed checkpoint");
    }
    if (errors > 0) {
      failures.add(errors + " ERROR");
    }
  }

  boolean passed() {
    return failures.isEmpty();
  }
}
