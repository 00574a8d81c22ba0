package io.dbosj.tests.executors;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A program that is killed while it holds work: {@code ExecutorApp <url> <dir> <executorId>}
 * starts workflow {@code held} and enqueues {@code task-0..2} on a queue of global concurrency 2,
 * each of which notes that it entered, waits while {@code <dir>/hold} exists, and notes that it
 * left; then it prints {@code READY} and waits to be killed. Heartbeat 200 ms, lease 1.5 s.
 */
public class ExecutorApp {
  public static final Queue QUEUE = Queue.of("limited").concurrency(2);
  public static final Duration HEARTBEAT = Duration.ofMillis(200);
  public static final Duration LEASE = Duration.ofMillis(1500);

  private final Path dir;

  public ExecutorApp(Path dir) {
    this.dir = dir;
  }

  @Step
  public void note(String what) throws IOException {
    Files.writeString(
        dir.resolve("effects.txt"),
        what + System.lineSeparator(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.SYNC);
  }

  @Step
  public void waitForRelease() throws InterruptedException {
    while (Files.exists(dir.resolve("hold"))) {
      Thread.sleep(20);
    }
  }

  @Workflow
  public String held(String name) throws IOException, InterruptedException {
    note("enter " + name);
    waitForRelease();
    note("leave " + name);
    return name + " done";
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    DBOS dbos =
        DBOS.builder()
            .appName("executor-test")
            .systemDatabaseUrl(args[0])
            .executorId(args[2])
            .adminServer(false)
            .heartbeatInterval(HEARTBEAT)
            .executorLease(LEASE)
            .configFile(dir.resolve("absent.yaml"))
            .build();
    dbos.register(QUEUE);
    ExecutorAppDurable app = new ExecutorAppDurable(dbos, dir);
    dbos.launch();
    app.start(StartOptions.id("held")).held("held");
    for (int i = 0; i < 3; i++) {
      app.start(StartOptions.id("task-" + i).queue(QUEUE)).held("task-" + i);
    }
    System.out.println("READY " + dbos.executorId());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
