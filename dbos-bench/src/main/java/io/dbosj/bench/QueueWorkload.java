package io.dbosj.bench;

import java.time.Duration;
import java.util.List;

/**
 * W3: tasks enqueued on one queue of concurrency 32, one no-op step each; tasks/s from the first
 * enqueue to the last result. The peer is measured as shipped, and again with its queue polled often.
 */
final class QueueWorkload extends Workload {
  private static final Duration TUNED_POLLING = Duration.ofMillis(10);

  QueueWorkload(BenchDatabases databases, Options options) {
    super(databases, options);
  }

  private interface Opener {
    Subject open(String url) throws Exception;
  }

  @Override
  void run(Report report) throws Exception {
    int tasks = options.queuedTasks();
    Report.Row row = report.add("W3", tasks + " one-step tasks, one queue, concurrency 32",
        "floor = (32-connection commits/s) / 2: enqueue, then step with result");
    Report.Row tuned = report.add("W3", "the same, the peer's queue polled every " + TUNED_POLLING.toMillis() + " ms",
        "the peer polls a queue every " + dev.dbos.transact.workflow.Queue.DEFAULT_POLLING_INTERVAL.toMillis()
            + " ms by default (Queue.withPollingInterval)");

    guarded("W3 floor", Report.Column.FLOOR, List.of(row), () -> {
      Floor floor = new Floor(databases);
      double commits = floor.concurrentCommits(32, options.concurrentSeconds());
      row.cells().put(Report.Column.FLOOR, Report.Cell.of(commits / 2, "tasks/s"));
    });
    measure(Engine.DBOSJ, row, tasks, url -> Engine.DBOSJ.open(databases, url));
    measure(Engine.PEER, row, tasks, url -> Engine.PEER.open(databases, url));
    measure(Engine.PEER, tuned, tasks, url ->
        new PeerSubject(BenchDatabases.jdbcOf(url), databases.user(), databases.password(), TUNED_POLLING));
    measure(Engine.DBOSJ_SQLITE, row, tasks, url -> Engine.DBOSJ_SQLITE.open(databases, url));
  }

  private void measure(Engine engine, Report.Row row, int tasks, Opener opener) {
    guarded("W3 " + engine.column.title, engine.column, List.of(row), () -> {
      String url = engine.freshDatabase(databases);
      try (Subject subject = opener.open(url)) {
        int warmUp = Math.max(100, tasks / 10);
        long warmStart = System.nanoTime();
        subject.runQueue(warmUp);
        double warmRate = warmUp / (Stats.millisSince(warmStart) / 1000);
        // an engine too slow for the full count in about a minute per round runs fewer tasks
        int count = (int) Math.min(tasks, Math.max(warmUp, warmRate * 60));
        double[] rates = new double[options.rounds()];
        for (int r = 0; r < options.rounds(); r++) {
          long start = System.nanoTime();
          subject.runQueue(count);
          rates[r] = count / (Stats.millisSince(start) / 1000);
        }
        row.cells().put(engine.column, new Report.Cell(Stats.median(rates), "tasks/s",
            (count < tasks ? count + " tasks per round (capped at about 60 s); " : "") + Stats.spread(rates)));
      }
    });
  }
}
