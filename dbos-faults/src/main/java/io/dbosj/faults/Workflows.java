package io.dbosj.faults;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** What the scenarios share: the outcome of a set of workflows, and waiting for a condition. */
final class Workflows {
  static final Set<String> FINISHED = Set.of("SUCCESS", "ERROR", "CANCELLED", "MAX_RECOVERY_ATTEMPTS_EXCEEDED");

  private Workflows() {}

  /**
   * Counts {@code statuses} into {@code figures}: every row a workflow, ERROR rows as errors, rows
   * not finished (and {@code expected} IDs with no row at all) as lost.
   */
  static void count(Map<String, String> statuses, Iterable<String> expected, Figures figures) {
    figures.workflows = statuses.size();
    for (String status : statuses.values()) {
      if (status.equals("ERROR") || status.equals("MAX_RECOVERY_ATTEMPTS_EXCEEDED")) {
        figures.errors++;
      } else if (!FINISHED.contains(status)) {
        figures.lost++;
      }
    }
    for (String id : expected) {
      if (!statuses.containsKey(id)) {
        figures.lost++;
        figures.workflows++;
      }
    }
  }

  /** Judges the ledger of {@code directory} against what {@code db} recorded, into {@code figures}. */
  static void judge(SideEffects effects, FaultDatabase db, Figures figures) throws SQLException {
    SideEffects.Judgement j = effects.judge(db.recordedTokens());
    figures.rerunsAfterCheckpoint += j.rerunsAfterCheckpoint();
    figures.rerunsBeforeCheckpoint += j.rerunsBeforeCheckpoint();
    figures.notes.add(j.effects() + " side effects in the ledger" + (j.unrecorded() > 0
        ? ", " + j.unrecorded() + " of them with no recorded checkpoint (their workflows did not succeed)" : ""));
  }

  /** Polls {@code condition} every 50 ms until it holds (true) or {@code timeoutMillis} pass (false). */
  static boolean await(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }

  /** {@code statuses} without the exception a poll on a database in the middle of an outage may throw. */
  static Map<String, String> statusesOrEmpty(FaultDatabase db, String prefix) {
    try {
      return db.statuses(prefix);
    } catch (SQLException e) {
      return Map.of();
    }
  }
}
