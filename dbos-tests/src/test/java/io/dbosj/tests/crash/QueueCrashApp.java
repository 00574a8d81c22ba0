package io.dbosj.tests.crash;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The tutorial's queue program in a child JVM: {@code QueueCrashApp <url> <sideEffectFile>
 * <holdFile> start|recover}. A workflow enqueues ten tasks on a queue that runs one at a time;
 * while the hold file exists, tasks 5 to 9 wait before their side effect.
 */
public class QueueCrashApp {
  static final Queue QUEUE = Queue.of("tasks").concurrency(1);

  private final Path sideEffects;
  private final Path hold;

  public QueueCrashApp(Path sideEffects, Path hold) {
    this.sideEffects = sideEffects;
    this.hold = hold;
  }

  @Step
  public int task(int i) throws IOException, InterruptedException {
    while (i >= 5 && Files.exists(hold)) {
      Thread.sleep(50);
    }
    Files.writeString(
        sideEffects,
        "task " + i + System.lineSeparator(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.SYNC);
    return i * 10;
  }

  @Workflow
  public List<Integer> fanOut() {
    List<WorkflowHandle<Integer>> handles = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int task = i;
      handles.add(QUEUE.enqueue(() -> task(task)));
    }
    List<Integer> results = new ArrayList<>();
    for (WorkflowHandle<Integer> handle : handles) {
      results.add(handle.getResult());
    }
    return results;
  }

  public static void main(String[] args) {
    Path sideEffects = Path.of(args[1]);
    try (DBOS dbos =
        DBOS.builder()
            .appName("queue-crash-test")
            .systemDatabaseUrl(args[0])
            .configFile(sideEffects.resolveSibling("absent.yaml"))
            .build()) {
      dbos.register(QUEUE);
      QueueCrashAppDurable app = new QueueCrashAppDurable(dbos, sideEffects, Path.of(args[2]));
      dbos.launch();
      List<Integer> results =
          args[3].equals("start")
              ? app.start(StartOptions.id("fan-out")).fanOut().getResult()
              : dbos.<List<Integer>>retrieveWorkflow("fan-out").getResult();
      System.out.println("RESULT: " + results);
    }
  }
}
