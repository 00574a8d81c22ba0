package io.dbosj.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * W4: a child JVM starts N workflows whose first step blocks and is killed (SIGKILL) once all are
 * PENDING; then a new DBOS in this JVM is built and launched, and timed until all N are SUCCESS.
 */
final class RecoveryWorkload extends Workload {
  private final String adminUrl;

  RecoveryWorkload(BenchDatabases databases, Options options) {
    super(databases, options);
    this.adminUrl = options.postgres();
  }

  @Override
  void run(Report report) throws Exception {
    int n = options.pendingWorkflows();
    Report.Row row = report.add("W4", n + " PENDING workflows of a killed JVM: launch() to all SUCCESS",
        "one round; the floor column has no equivalent");
    row.cells().put(Report.Column.FLOOR, Report.Cell.text("n/a"));
    for (Engine engine : List.of(Engine.DBOSJ, Engine.PEER, Engine.DBOSJ_SQLITE)) {
      guarded("W4 " + engine.column.title, engine.column, List.of(row), () -> {
        String url = engine.freshDatabase(databases);
        Process child = Child.start("pending", engine.name(), url, adminUrl, Integer.toString(n));
        try {
          Child.await(child, "READY");
        } finally {
          child.destroyForcibly();
          child.waitFor(30, TimeUnit.SECONDS);
        }
        int pending = databases.countStatus(url, "PENDING");
        if (pending != n) {
          throw new IllegalStateException(pending + " PENDING after the kill, expected " + n);
        }
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(options.quick() ? 3 : 10);
        Subject recovering = engine.open(databases, url); // recovers in the background
        try {
          int done;
          while ((done = databases.countStatus(url, "SUCCESS")) < n) {
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException("only " + done + " of " + n + " SUCCESS after "
                  + Stats.millisSince(start) / 1000 + " s");
            }
            Thread.sleep(20);
          }
          double seconds = Stats.millisSince(start) / 1000;
          row.cells().put(engine.column, new Report.Cell(seconds, "s",
              String.format(java.util.Locale.ROOT, "%,.0f workflows/s", n / seconds)));
        } finally {
          recovering.close();
        }
      });
    }
  }
}
