package io.dbosj.examples.queues;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.WorkflowHandle;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * The tutorial's queue program: a workflow enqueues ten tasks, they run five at a time, and the
 * workflow waits for all of them. Kill it halfway and run it again: only the unfinished tasks
 * run, and the workflow completes.
 */
public class TaskFanOut {
  /** Five tasks at a time in each process. */
  public static final Queue QUEUE = Queue.of("example-queue").workerConcurrency(5);

  @Step
  public int task(int n) throws InterruptedException {
    Thread.sleep(2_000);
    System.out.println("Task " + n + " completed!");
    return n;
  }

  @Workflow
  public int fanOut() {
    System.out.println("Enqueueing tasks");
    List<WorkflowHandle<Integer>> handles = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int n = i;
      handles.add(QUEUE.enqueue(() -> task(n)));
    }
    int completed = 0;
    for (WorkflowHandle<Integer> handle : handles) {
      handle.getResult();
      completed++;
    }
    System.out.println("Successfully completed " + completed + " tasks");
    return completed;
  }

  public static void main(String[] args) {
    try (DBOS dbos = DBOS.builder().appName("queues").build()) {
      dbos.register(QUEUE);
      TaskFanOutDurable app = new TaskFanOutDurable(dbos);
      dbos.launch();
      app.fanOut();
    }
  }
}
