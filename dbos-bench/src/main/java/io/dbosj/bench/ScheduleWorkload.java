package io.dbosj.bench;

import io.dbosj.DBOS;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * W5: a {@code @Scheduled("* * * * * *")} workflow for 60 s (10 s with --quick): seconds in the
 * window with no tick or with more than one, and the p99 of how late each tick's body started.
 */
final class ScheduleWorkload extends Workload {
  ScheduleWorkload(BenchDatabases databases, Options options) {
    super(databases, options);
  }

  @Override
  void run(Report report) throws Exception {
    int seconds = options.quick() ? 10 : 60;
    Report.Row ticks = report.add("W5", "every-second schedule for " + seconds + " s: ticks missed / doubled", null);
    Report.Row jitter = report.add("W5", "every-second schedule: body start after scheduled time, p99", null);
    ticks.cells().put(Report.Column.FLOOR, Report.Cell.text("n/a"));
    jitter.cells().put(Report.Column.FLOOR, Report.Cell.text("n/a"));
    ticks.cells().put(Report.Column.PEER, Report.Cell.text("not measured: the bench does not drive the peer's schedules yet"));
    jitter.cells().put(Report.Column.PEER, Report.Cell.text("not measured"));
    for (Engine engine : List.of(Engine.DBOSJ, Engine.DBOSJ_SQLITE)) {
      guarded("W5 " + engine.column.title, engine.column, List.of(ticks, jitter), () -> {
        String url = engine.freshDatabase(databases);
        Ticker.RUNS.clear();
        Instant from;
        try (DBOS dbos = DbosjSubject.build(url)) {
          new TickerDurable(dbos);
          dbos.launch();
          from = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
          Thread.sleep((seconds + 3) * 1000L);
        }
        Instant to = from.plusSeconds(seconds);
        int missed = 0;
        int doubled = 0;
        List<Double> late = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(1)) {
          List<Double> runs = Ticker.RUNS.get(t);
          if (runs == null) {
            missed++;
          } else {
            doubled += runs.size() > 1 ? 1 : 0;
            late.addAll(runs);
          }
        }
        ticks.cells().put(engine.column, Report.Cell.text(missed + " missed, " + doubled + " doubled of " + seconds));
        if (!late.isEmpty()) {
          double[] values = late.stream().mapToDouble(Double::doubleValue).toArray();
          jitter.cells().put(engine.column, new Report.Cell(Stats.percentile(values, 99), "ms",
              String.format(java.util.Locale.ROOT, "median %.1f ms", Stats.median(values))));
        }
      });
    }
  }
}
