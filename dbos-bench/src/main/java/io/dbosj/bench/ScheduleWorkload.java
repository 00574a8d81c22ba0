package io.dbosj.bench;

import dev.dbos.transact.workflow.WorkflowSchedule;
import io.dbosj.DBOS;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * W5: a workflow scheduled every second for 60 s (10 s with --quick): seconds in the window with
 * no tick or with more than one, and the p99 of how late each tick's body started. The window
 * opens two seconds after the first tick's body ran, so a scheduler's start-up is not counted as
 * missed ticks; bodies starting up to {@link #GRACE} after the window are still counted.
 */
final class ScheduleWorkload extends Workload {
  private static final String CRON = "* * * * * *";
  private static final Duration FIRST_TICK_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration GRACE = Duration.ofSeconds(3);

  ScheduleWorkload(BenchDatabases databases, Options options) {
    super(databases, options);
  }

  /** Runs one engine's every-second schedule from launch to close; returns when its window opened. */
  private interface Schedule {
    Instant run(String url, TickLog log, int seconds) throws Exception;
  }

  @Override
  void run(Report report) throws Exception {
    int seconds = options.quick() ? 10 : 60;
    Report.Row ticks = report.add("W5", "every-second schedule for " + seconds + " s: ticks missed / doubled", null);
    Report.Row jitter = report.add("W5", "every-second schedule: body start after scheduled time, p99",
        "the peer starts each tick through its internal queue, as it always does");
    ticks.cells().put(Report.Column.FLOOR, Report.Cell.text("n/a"));
    jitter.cells().put(Report.Column.FLOOR, Report.Cell.text("n/a"));
    for (Engine engine : ENGINES) {
      Schedule schedule = engine == Engine.PEER ? this::peer : ScheduleWorkload::dbosj;
      guarded("W5 " + engine.column.title, engine.column, List.of(ticks, jitter), () -> {
        TickLog log = new TickLog();
        Instant from = schedule.run(engine.freshDatabase(databases), log, seconds);
        tally(log, from, seconds, engine.column, ticks, jitter);
      });
    }
  }

  private static Instant dbosj(String url, TickLog log, int seconds) throws InterruptedException {
    try (DBOS dbos = DbosjSubject.build(url)) {
      new TickerDurable(dbos, log);
      dbos.launch();
      return window(log, seconds);
    }
  }

  private Instant peer(String url, TickLog log, int seconds) throws InterruptedException {
    String jdbcUrl = BenchDatabases.jdbcOf(url);
    try (dev.dbos.transact.DBOS dbos =
        new dev.dbos.transact.DBOS(PeerSubject.config(jdbcUrl, databases.user(), databases.password()))) {
      dbos.registerProxy(PeerTicker.class, new PeerTickerImpl(log));
      dbos.launch();
      dbos.createSchedule(new WorkflowSchedule("bench-tick", PeerTicker.WORKFLOW, PeerTickerImpl.class.getName(), CRON));
      return window(log, seconds);
    }
  }

  /** Waits for the first tick, then for the window and its grace period to pass; returns the window's start. */
  private static Instant window(TickLog log, int seconds) throws InterruptedException {
    log.awaitFirst(FIRST_TICK_TIMEOUT);
    Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
    Thread.sleep(Duration.between(Instant.now(), from.plusSeconds(seconds).plus(GRACE)).toMillis());
    return from;
  }

  private static void tally(
      TickLog log, Instant from, int seconds, Report.Column column, Report.Row ticks, Report.Row jitter) {
    int missed = 0;
    int doubled = 0;
    List<Double> late = new ArrayList<>();
    for (Instant t = from; t.isBefore(from.plusSeconds(seconds)); t = t.plusSeconds(1)) {
      List<Double> starts = log.starts(t);
      missed += starts.isEmpty() ? 1 : 0;
      doubled += starts.size() > 1 ? 1 : 0;
      late.addAll(starts);
    }
    ticks.cells().put(column, Report.Cell.text(missed + " missed, " + doubled + " doubled of " + seconds));
    if (!late.isEmpty()) {
      double[] values = late.stream().mapToDouble(Double::doubleValue).toArray();
      jitter.cells().put(column, new Report.Cell(Stats.percentile(values, 99), "ms",
          String.format(Locale.ROOT, "median %.1f ms", Stats.median(values))));
    }
  }
}
