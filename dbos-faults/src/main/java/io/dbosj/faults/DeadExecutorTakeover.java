package io.dbosj.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 3: executors {@code exec-a} and {@code exec-b} (two child JVMs) serve one queue of
 * global concurrency 3. A enqueues the tasks and takes three; B starts; A is SIGKILLed while it runs
 * them. B must take A's tasks over on its own and the queue move again within the deadline, else
 * the queue counts as stalled.
 */
final class DeadExecutorTakeover {
  private static final int TASKS = 8;
  private static final int TASK_MILLIS = 5_000;

  private final Options options;

  DeadExecutorTakeover(Options options) {
    this.options = options;
  }

  Figures run(FaultDatabase db, Path dir) throws Exception {
    Figures figures = new Figures("3 dead executor on a shared queue", db.kind());
    String running = "SELECT COUNT(*) FROM " + db.table("workflow_status")
        + " WHERE queue_name = 'faults-shared' AND status = 'PENDING' AND executor_id = ";
    String succeeded = "SELECT COUNT(*) FROM " + db.table("workflow_status")
        + " WHERE queue_name = 'faults-shared' AND status = 'SUCCESS'";
    try (ChildJvm a = worker(db, dir, "exec-a", TASKS)) {
      a.await("LAUNCHED", 60_000);
      if (!Workflows.await(() -> db.count(running + "'exec-a'") == 3, 30_000)) {
        figures.failures.add("exec-a never ran 3 tasks at once");
        return figures;
      }
      try (ChildJvm b = worker(db, dir, "exec-b", 0)) {
        b.await("LAUNCHED", 60_000);
        long runningOnA = db.count(running + "'exec-a'");
        long doneBefore = db.count(succeeded);
        a.kill();
        long killed = System.nanoTime();
        figures.kills = 1;
        figures.notes.add("exec-a ran " + runningOnA + " tasks when killed, " + doneBefore + " of " + TASKS
            + " were done");
        boolean moved = Workflows.await(() -> db.count(running + "'exec-a'") == 0
            && (db.count(running + "'exec-b'") > 0 || db.count(succeeded) > doneBefore),
            options.takeoverDeadlineSeconds * 1000L);
        if (moved) {
          figures.takeoverSeconds = (System.nanoTime() - killed) / 1e9;
          long drain = (long) TASKS * TASK_MILLIS / 3 + 60_000;
          Workflows.await(() -> db.count(succeeded) == TASKS, drain);
        } else {
          figures.takeoverSeconds = Double.POSITIVE_INFINITY;
          figures.failures.add("stalled: no task of exec-a taken over and the queue did not move within "
              + options.takeoverDeadlineSeconds + " s (tasks done: " + db.count(succeeded) + " of " + TASKS + ")");
        }
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      expected.add("task-" + i);
    }
    Map<String, String> statuses = db.statuses("task-");
    Workflows.count(statuses, expected, figures);
    SideEffects effects = SideEffects.read(dir);
    figures.duplicates += effects.doneMoreThanOnce("task-");
    Workflows.judge(effects, db, figures);
    figures.failOnLossesAndDuplicates();
    return figures;
  }

  private static ChildJvm worker(FaultDatabase db, Path dir, String executor, int enqueue) throws Exception {
    return ChildJvm.start(executor, dir.resolve(executor + ".log"), "worker", db.dbosUrl(),
        dir.resolve(executor + ".ledger").toString(), executor, Integer.toString(enqueue),
        Integer.toString(TASK_MILLIS));
  }
}
