package io.dbosj.bench;

import java.util.List;
import java.util.Map;

/** W2: 32 callers each running 3-step workflows in a loop for a fixed time; workflows/s, median of rounds. */
final class ConcurrentWorkload extends Workload {
  static final int CALLERS = 32;

  ConcurrentWorkload(BenchDatabases databases, Options options) {
    super(databases, options);
  }

  @Override
  void run(Report report) throws Exception {
    double seconds = options.concurrentSeconds();
    Report.Row workflows = report.add("W2", CALLERS + " callers, 3-step workflows",
        "floor = (" + CALLERS + "-connection commits/s) / " + Floor.COMMITS_PER_WORKFLOW
            + "; median of rounds of " + seconds + " s");
    Report.Row commits = report.add("W2", CALLERS + " connections, INSERT + COMMIT each", null);
    Report.Row batched = report.add("W2", "1 connection, 32 rows per COMMIT", null);

    Interleaved columns = new Interleaved().add(Report.Column.FLOOR, () -> {
      Floor floor = new Floor(databases);
      // one round: commits/s from 32 connections, then rows/s batched 32 per commit
      return new Interleaved.Contender(() -> new double[] {
          floor.concurrentCommits(CALLERS, seconds), floor.batchedRows(32, seconds)}, null);
    });
    for (Engine engine : ENGINES) {
      columns.add(engine.column, () -> {
        Subject subject = engine.open(databases, engine.freshDatabase(databases));
        return new Interleaved.Contender(
            () -> new double[] {Callers.perSecond(CALLERS, seconds, caller -> run(subject))}, subject);
      });
    }
    Map<Report.Column, List<double[]>> results =
        columns.run("W2", options.rounds(), List.of(workflows, commits, batched));

    results.forEach((column, rounds) -> {
      double[] rates = Interleaved.firsts(rounds);
      if (column == Report.Column.FLOOR) {
        double[] rows = rounds.stream().mapToDouble(r -> r[1]).toArray();
        workflows.cells().put(column, Report.Cell.of(Stats.median(rates) / Floor.COMMITS_PER_WORKFLOW, "workflows/s"));
        commits.cells().put(column, new Report.Cell(Stats.median(rates), "commits/s", Stats.spread(rates)));
        batched.cells().put(column, new Report.Cell(Stats.median(rows), "rows/s", Stats.spread(rows)));
      } else {
        workflows.cells().put(column, new Report.Cell(Stats.median(rates), "workflows/s", Stats.spread(rates)));
      }
    });
  }

  private static long run(Subject subject) throws Exception {
    subject.runThreeSteps();
    return 1;
  }
}
