package io.dbosj.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** W1: one 3-step workflow at a time; ms per workflow, median and p99 over all measured rounds. */
final class SequentialWorkload extends Workload {
  SequentialWorkload(BenchDatabases databases, Options options) {
    super(databases, options);
  }

  @Override
  void run(Report report) throws Exception {
    int perRound = options.sequentialPerRound();
    Report.Row median = report.add("W1", "3-step workflow, one at a time: median", null);
    Report.Row p99 = report.add("W1", "3-step workflow, one at a time: p99", null);
    Report.Row commit = report.add("W1", "one INSERT + COMMIT round trip: median", null);

    List<double[]> commits = new ArrayList<>();
    Interleaved columns = new Interleaved().add(Report.Column.FLOOR, () -> {
      Floor floor = new Floor(databases);
      return new Interleaved.Contender(() -> {
        double[] workflows = new double[perRound];
        double[] c = new double[perRound * Floor.COMMITS_PER_WORKFLOW];
        floor.sequential(workflows, c);
        commits.add(c);
        return workflows;
      }, null);
    });
    for (Engine engine : ENGINES) {
      columns.add(engine.column, () -> {
        Subject subject = engine.open(databases, engine.freshDatabase(databases));
        return new Interleaved.Contender(() -> time(subject, perRound), subject);
      });
    }
    Map<Report.Column, List<double[]>> results = columns.run("W1", options.rounds(), List.of(median, p99, commit));

    results.forEach((column, rounds) -> {
      double[] all = Interleaved.pooled(rounds);
      double[] roundMedians = rounds.stream().mapToDouble(Stats::median).toArray();
      String detail = (column == Report.Column.FLOOR ? Floor.COMMITS_PER_WORKFLOW + " commits; " : "") + Stats.spread(roundMedians);
      median.cells().put(column, new Report.Cell(Stats.median(all), "ms", detail));
      p99.cells().put(column, Report.Cell.of(Stats.percentile(all, 99), "ms"));
    });
    if (results.containsKey(Report.Column.FLOOR)) {
      double[] all = Interleaved.pooled(commits.subList(1, commits.size())); // without the warm-up
      commit.cells().put(Report.Column.FLOOR, new Report.Cell(Stats.median(all), "ms",
          "p99 " + Report.number(Stats.percentile(all, 99)) + " ms"));
    }
  }

  private static double[] time(Subject subject, int count) throws Exception {
    double[] millis = new double[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      subject.runThreeSteps();
      millis[i] = Stats.millisSince(start);
    }
    return millis;
  }
}
