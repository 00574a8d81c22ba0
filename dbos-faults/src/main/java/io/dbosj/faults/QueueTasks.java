package io.dbosj.faults;

import io.dbosj.Queue;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;

/**
 * The takeover scenario's tasks: each a workflow of one slow step on a queue of concurrency 3
 * shared by two executors. The effect comes at the end of the step, so a task killed while it runs
 * has left nothing behind.
 */
public class QueueTasks {
  /** Shared by both executors; three tasks at once across them. */
  static final Queue SHARED = Queue.of("faults-shared").concurrency(3);

  private final Ledger ledger;
  private final int taskMillis;

  public QueueTasks(Ledger ledger, int taskMillis) {
    this.ledger = ledger;
    this.taskMillis = taskMillis;
  }

  @Step
  public String work(String key) throws InterruptedException {
    Thread.sleep(taskMillis);
    return ledger.record(key);
  }

  @Workflow
  public String task(String id) throws InterruptedException {
    return work(id + "/work");
  }
}
