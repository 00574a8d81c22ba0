package io.dbosj.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Columns measured round by round in turn (floor, io.dbosj, peer, SQLite, floor, ...), each set up
 * once on its own database, so that the noise of a shared machine falls on all of them alike. A
 * column that fails to set up or in a round is left out and its cells say why.
 */
final class Interleaved {
  /** One measured round; returns its samples. */
  interface Round {
    double[] run() throws Exception;
  }

  /** A column set up: its round, and what to close at the end. */
  record Contender(Round round, AutoCloseable resource) {}

  interface Setup {
    Contender open() throws Exception;
  }

  private final Map<Report.Column, Setup> setups = new LinkedHashMap<>();

  Interleaved add(Report.Column column, Setup setup) {
    setups.put(column, setup);
    return this;
  }

  /**
   * Sets every column up, runs one warm-up round of each, then {@code rounds} rounds in turn;
   * returns each surviving column's rounds. Failures go to {@code rows} as "failed: ..." cells.
   */
  Map<Report.Column, List<double[]>> run(String workload, int rounds, List<Report.Row> rows) {
    Map<Report.Column, Contender> live = new LinkedHashMap<>();
    Map<Report.Column, List<double[]>> results = new LinkedHashMap<>();
    try {
      setups.forEach((column, setup) -> Workload.guarded(workload + " " + column.title + ": setup and warm-up", column, rows, () -> {
        Contender contender = setup.open();
        live.put(column, contender);
        contender.round().run();
      }));
      for (int r = 0; r < rounds; r++) {
        for (Report.Column column : new ArrayList<>(live.keySet())) {
          Workload.guarded(workload + " " + column.title + ": round " + (r + 1) + "/" + rounds, column, rows, () -> {
            try {
              results.computeIfAbsent(column, c -> new ArrayList<>()).add(live.get(column).round().run());
            } catch (Exception | Error e) {
              results.remove(column);
              close(live.remove(column));
              throw e;
            }
          });
        }
      }
    } finally {
      live.values().forEach(Interleaved::close);
    }
    return results;
  }

  private static void close(Contender contender) {
    if (contender != null && contender.resource() != null) {
      try {
        contender.resource().close();
      } catch (Exception e) {
        System.err.println("  closing: " + e);
      }
    }
  }

  /** All samples of all rounds, in one array. */
  static double[] pooled(List<double[]> rounds) {
    return rounds.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  /** The first sample of each round (for rounds that yield one figure). */
  static double[] firsts(List<double[]> rounds) {
    return rounds.stream().mapToDouble(r -> r[0]).toArray();
  }
}
