package io.dbosj.bench;

import java.util.List;

/** One workload of shared/BENCHMARKS.md: measures its columns and adds its rows to the report. */
abstract class Workload {
  /** The engines measured for W1..W3, W6 and W8, in column order. */
  static final List<Engine> ENGINES = List.of(Engine.DBOSJ, Engine.PEER, Engine.DBOSJ_SQLITE);

  final BenchDatabases databases;
  final Options options;

  Workload(BenchDatabases databases, Options options) {
    this.databases = databases;
    this.options = options;
  }

  abstract void run(Report report) throws Exception;

  /** Something measured that may fail; its failure becomes a "failed: ..." cell instead of a number. */
  interface Measure {
    void run() throws Exception;
  }

  /** Runs {@code measure}; on failure, fills {@code column} of every row with the reason. */
  static void guarded(String what, Report.Column column, List<Report.Row> rows, Measure measure) {
    long start = System.nanoTime();
    System.err.printf("  %-45s ...%n", what);
    try {
      measure.run();
      System.err.printf("  %-45s done in %.1f s%n", what, Stats.millisSince(start) / 1000);
    } catch (Exception | Error e) {
      System.err.printf("  %-45s FAILED: %s%n", what, e);
      for (Report.Row row : rows) {
        row.cells().putIfAbsent(column, Report.Cell.failed(e));
      }
    }
  }
}
