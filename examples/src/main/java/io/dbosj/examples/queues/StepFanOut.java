package io.dbosj.examples.queues;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.WorkflowHandle;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * The tutorial's queue program: a workflow enqueues ten steps, they run five at a time, and the
 * workflow waits for all of them. Step n takes 5 + n seconds, so the first five finish after 5 to
 * 9 seconds and all ten after 23. Kill it after the first five and run it again: only steps 5 to
 * 9 run, and the workflow completes.
 */
public class StepFanOut {
  /** Five steps at a time in each process. */
  public static final Queue QUEUE = Queue.of("example-queue").workerConcurrency(5);

  @Step
  public int step(int n) throws InterruptedException {
    Thread.sleep(5_000 + 1_000L * n);
    System.out.println("Step " + n + " completed!");
    return n;
  }

  @Workflow
  public int fanOut() {
    System.out.println("Enqueueing steps");
    List<WorkflowHandle<Integer>> handles = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int n = i;
      handles.add(QUEUE.enqueue(() -> step(n)));
    }
    int completed = 0;
    for (WorkflowHandle<Integer> handle : handles) {
      handle.getResult();
      completed++;
    }
    System.out.println("Successfully completed " + completed + " steps");
    return completed;
  }

  public static void main(String[] args) {
    try (DBOS dbos = DBOS.builder().appName("queues").build()) {
      dbos.register(QUEUE);
      StepFanOutDurable app = new StepFanOutDurable(dbos);
      dbos.launch();
      app.fanOut();
    }
  }
}
