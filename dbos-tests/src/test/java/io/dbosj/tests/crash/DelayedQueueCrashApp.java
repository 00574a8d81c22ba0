package io.dbosj.tests.crash;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.annotation.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A partitioned queue and a delayed task in a child JVM: {@code DelayedQueueCrashApp <url>
 * <sideEffectFile> <holdFile> start <delayUntilEpochMs> | recover}. {@code start} enqueues three
 * tasks for each of tenants a and b on a queue that runs one task per tenant at a time, and task
 * {@code later} delayed until the instant given; while the hold file exists, a started task waits
 * between the start and the end it writes.
 */
public class DelayedQueueCrashApp {
  static final Queue QUEUE = Queue.of("tenants").partitionConcurrency(1);
  static final List<String> TASKS = List.of("a-0", "a-1", "a-2", "b-0", "b-1", "b-2", "later");

  private final Path sideEffects;
  private final Path hold;

  public DelayedQueueCrashApp(Path sideEffects, Path hold) {
    this.sideEffects = sideEffects;
    this.hold = hold;
  }

  @Step
  public String task(String name) throws IOException, InterruptedException {
    write("start " + name);
    while (Files.exists(hold)) {
      Thread.sleep(20);
    }
    write("end " + name);
    return name + " done";
  }

  private synchronized void write(String line) throws IOException {
    Files.writeString(
        sideEffects, line + System.lineSeparator(), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
  }

  public static void main(String[] args) {
    Path sideEffects = Path.of(args[1]);
    try (DBOS dbos =
        DBOS.builder()
            .appName("delayed-queue-crash-test")
            .systemDatabaseUrl(args[0])
            .configFile(sideEffects.resolveSibling("absent.yaml"))
            .build()) {
      dbos.register(QUEUE);
      DelayedQueueCrashAppDurable app = new DelayedQueueCrashAppDurable(dbos, sideEffects, Path.of(args[2]));
      dbos.launch();
      if (args[3].equals("start")) {
        for (String name : TASKS.subList(0, 6)) {
          QUEUE.enqueue(() -> app.task(name), StartOptions.id(name).queuePartitionKey(name.substring(0, 1)));
        }
        Instant due = Instant.ofEpochMilli(Long.parseLong(args[4]));
        QUEUE.enqueue(() -> app.task("later"), StartOptions.id("later").queuePartitionKey("c").delayUntil(due));
      }
      List<String> results = new ArrayList<>();
      for (String name : TASKS) {
        results.add(dbos.<String>retrieveWorkflow(name).getResult());
      }
      System.out.println("RESULT: " + results);
    }
  }
}
