package io.dbosj.faults;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a child JVM runs: {@code ChildMain <mode> <systemDbUrl> <ledgerFile> <executorId|-> args...}.
 * It talks to the parent by printing lines ({@code LAUNCHED}, {@code DONE ...}); the parent kills it
 * whenever it likes. Modes: {@code mixed count stepMillis} (start every workflow of the mixed
 * workload at once, idempotently, and wait for all), {@code paced count stepMillis intervalMillis}
 * (start them one by one), {@code worker enqueue taskMillis} (serve the shared queue, enqueueing
 * that many tasks first), {@code ticking chains steps stepMillis} (the every-second schedule, plus
 * that many chains).
 */
public final class ChildMain {
  private ChildMain() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String url = args[1];
    Ledger ledger = new Ledger(Path.of(args[2]));
    String executorId = args[3];
    DBOS.Builder builder = DBOS.builder()
        .appName("dbos-faults")
        .systemDatabaseUrl(url)
        .adminServer(false)
        .configFile(Path.of(args[2]).resolveSibling("absent-dbos-config.yaml"));
    if (!executorId.equals("-")) {
      builder.executorId(executorId);
    }
    try (DBOS dbos = builder.build()) {
      switch (mode) {
        case "mixed" -> mixed(dbos, ledger, Integer.parseInt(args[4]), Integer.parseInt(args[5]), 0);
        case "paced" -> mixed(dbos, ledger, Integer.parseInt(args[4]), Integer.parseInt(args[5]),
            Integer.parseInt(args[6]));
        case "worker" -> worker(dbos, ledger, Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        case "ticking" -> ticking(dbos, ledger, Integer.parseInt(args[4]), Integer.parseInt(args[5]),
            Integer.parseInt(args[6]));
        default -> throw new IllegalArgumentException(mode);
      }
    }
    System.exit(0);
  }

  /** The workflow {@code i} of the mixed workload: a chain, a fan-out or a transaction. */
  static String mixedId(int i) {
    return "mix-" + i;
  }

  private static void mixed(DBOS dbos, Ledger ledger, int count, int stepMillis, int intervalMillis)
      throws InterruptedException {
    dbos.register(MixedWorkload.TASKS);
    MixedWorkloadDurable workload = new MixedWorkloadDurable(dbos, ledger, stepMillis);
    dbos.launch();
    say("LAUNCHED");
    List<WorkflowHandle<String>> handles = new ArrayList<>();
    int refused = 0;
    for (int i = 0; i < count; i++) {
      String id = mixedId(i);
      try {
        StartOptions options = StartOptions.id(id);
        handles.add(switch (i % 3) {
          case 0 -> workload.start(options).chain(id, 5);
          case 1 -> workload.start(options).fanOut(id, 4);
          default -> workload.start(options).withTransaction(id);
        });
      } catch (RuntimeException e) {
        refused++;
        System.err.println("start of " + id + " failed: " + e);
      }
      if (intervalMillis > 0) {
        Thread.sleep(intervalMillis);
      }
    }
    say("SUBMITTED " + handles.size() + " refused " + refused);
    int ok = 0;
    int failed = 0;
    for (WorkflowHandle<String> handle : handles) {
      try {
        handle.getResult();
        ok++;
      } catch (RuntimeException e) {
        failed++;
        System.err.println(handle.workflowId() + " failed: " + e);
      }
    }
    say("DONE ok " + ok + " failed " + failed + " refused " + refused);
  }

  private static void worker(DBOS dbos, Ledger ledger, int enqueue, int taskMillis)
      throws InterruptedException {
    dbos.register(QueueTasks.SHARED);
    QueueTasksDurable tasks = new QueueTasksDurable(dbos, ledger, taskMillis);
    dbos.launch();
    for (int i = 0; i < enqueue; i++) {
      String id = "task-" + i;
      tasks.start(StartOptions.id(id).queue(QueueTasks.SHARED)).task(id);
    }
    say("LAUNCHED");
    Thread.sleep(Long.MAX_VALUE); // the parent ends this JVM
  }

  private static void ticking(DBOS dbos, Ledger ledger, int chains, int steps, int stepMillis)
      throws InterruptedException {
    TickingAppDurable app = new TickingAppDurable(dbos, ledger, stepMillis);
    dbos.launch();
    for (int i = 0; i < chains; i++) {
      String id = "shared-" + i;
      app.start(StartOptions.id(id)).chain(id, steps);
    }
    say("LAUNCHED");
    Thread.sleep(Long.MAX_VALUE); // the parent ends this JVM
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
