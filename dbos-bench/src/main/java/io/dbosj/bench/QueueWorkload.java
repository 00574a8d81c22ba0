package io.dbosj.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * W3: tasks enqueued on one queue of concurrency 32, one no-op step each; tasks/s from the first
 * enqueue to the last result. The tasks are enqueued by 32 callers at once, as the floor commits
 * from 32 connections; a second row enqueues them from one thread, which bounds every engine by
 * one enqueue commit at a time. Every column is driven by the same code here, so each enqueues the
 * same way. The peer is measured as shipped, and again with its queue polled often.
 */
final class QueueWorkload extends Workload {
  private static final Duration TUNED_POLLING = Duration.ofMillis(10);
  /** The callers enqueueing at once, as many as the floor's connections. */
  static final int ENQUEUERS = 32;

  QueueWorkload(BenchDatabases databases, Options options) {
    super(databases, options);
  }

  private interface Opener {
    Subject open(String url) throws Exception;
  }

  @Override
  void run(Report report) throws Exception {
    int tasks = options.queuedTasks();
    Report.Row row = report.add("W3", tasks + " one-step tasks, one queue, concurrency 32, " + ENQUEUERS + " enqueuers",
        "floor = (32-connection commits/s) / 2: enqueue, then step with result; " + ENQUEUERS
            + " threads enqueue the tasks between them, then the results are awaited");
    Report.Row tuned = report.add("W3", "the same, the peer's queue polled every " + TUNED_POLLING.toMillis() + " ms",
        "the peer polls a queue every " + dev.dbos.transact.workflow.Queue.DEFAULT_POLLING_INTERVAL.toMillis()
            + " ms by default (Queue.withPollingInterval)");
    Report.Row oneThread = report.add("W3", "the same, enqueued from one thread (peer polled every "
            + TUNED_POLLING.toMillis() + " ms)",
        "one enqueue at a time, each returning once recorded: bound by the sequential commit latency, "
            + "not by the floor's 32 connections");

    guarded("W3 floor", Report.Column.FLOOR, List.of(row), () -> {
      Floor floor = new Floor(databases);
      double commits = floor.concurrentCommits(32, options.concurrentSeconds());
      row.cells().put(Report.Column.FLOOR, Report.Cell.of(commits / 2, "tasks/s"));
    });
    Opener tunedPeer = url ->
        new PeerSubject(BenchDatabases.jdbcOf(url), databases.user(), databases.password(), TUNED_POLLING);
    measure(Engine.DBOSJ, row, tasks, ENQUEUERS, url -> Engine.DBOSJ.open(databases, url));
    measure(Engine.PEER, row, tasks, ENQUEUERS, url -> Engine.PEER.open(databases, url));
    measure(Engine.PEER, tuned, tasks, ENQUEUERS, tunedPeer);
    measure(Engine.DBOSJ_SQLITE, row, tasks, ENQUEUERS, url -> Engine.DBOSJ_SQLITE.open(databases, url));
    measure(Engine.DBOSJ, oneThread, tasks, 1, url -> Engine.DBOSJ.open(databases, url));
    measure(Engine.PEER, oneThread, tasks, 1, tunedPeer);
    measure(Engine.DBOSJ_SQLITE, oneThread, tasks, 1, url -> Engine.DBOSJ_SQLITE.open(databases, url));
  }

  /**
   * Enqueues tasks {@code 0..tasks-1} from {@code enqueuers} threads (each taking the next task
   * number), then waits for every result: the same for every column.
   */
  static void runQueue(Subject subject, int tasks, int enqueuers) throws Exception {
    Subject.QueuedTask[] results = new Subject.QueuedTask[tasks];
    if (enqueuers == 1) {
      for (int i = 0; i < tasks; i++) {
        results[i] = subject.enqueueTask(i);
      }
    } else {
      AtomicInteger next = new AtomicInteger();
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      Thread[] threads = new Thread[enqueuers];
      for (int t = 0; t < enqueuers; t++) {
        threads[t] = new Thread(() -> {
          try {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
              results[i] = subject.enqueueTask(i);
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        }, "bench-enqueuer-" + t);
        threads[t].start();
      }
      for (Thread thread : threads) {
        thread.join(); // after which every result slot it filled is visible here
      }
      if (!failures.isEmpty()) {
        Throwable first = failures.get(0);
        throw first instanceof Exception e ? e : new RuntimeException(first);
      }
    }
    for (Subject.QueuedTask result : results) {
      result.await();
    }
  }

  private void measure(Engine engine, Report.Row row, int tasks, int enqueuers, Opener opener) {
    guarded("W3 " + engine.column.title, engine.column, List.of(row), () -> {
      String url = engine.freshDatabase(databases);
      try (Subject subject = opener.open(url)) {
        int warmUp = Math.max(100, tasks / 10);
        long warmStart = System.nanoTime();
        runQueue(subject, warmUp, enqueuers);
        double warmRate = warmUp / (Stats.millisSince(warmStart) / 1000);
        // an engine too slow for the full count in about a minute per round runs fewer tasks
        int count = (int) Math.min(tasks, Math.max(warmUp, warmRate * 60));
        double[] rates = new double[options.rounds()];
        for (int r = 0; r < options.rounds(); r++) {
          long start = System.nanoTime();
          runQueue(subject, count, enqueuers);
          rates[r] = count / (Stats.millisSince(start) / 1000);
        }
        row.cells().put(engine.column, new Report.Cell(Stats.median(rates), "tasks/s",
            (count < tasks ? count + " tasks per round (capped at about 60 s); " : "") + Stats.spread(rates)));
      }
    });
  }
}
