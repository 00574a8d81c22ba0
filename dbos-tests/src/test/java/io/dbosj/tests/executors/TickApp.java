package io.dbosj.tests.executors;

import io.dbosj.DBOS;
import io.dbosj.annotation.Scheduled;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The tutorial's scheduled program, as an operator starts it twice: {@code TickApp <url> <dir>},
 * with the default executor ID; each every-second tick appends its time to {@code
 * <dir>/ticks.txt}. Prints {@code READY <executorId>} once launched, then runs until killed.
 */
public class TickApp {
  private final Path dir;

  public TickApp(Path dir) {
    this.dir = dir;
  }

  @Step
  public void note(Instant scheduledTime) throws IOException {
    Files.writeString(
        dir.resolve("ticks.txt"),
        scheduledTime + System.lineSeparator(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.SYNC);
  }

  @Workflow
  @Scheduled("* * * * * *")
  public void everySecond(Instant scheduledTime, Instant actualTime) throws IOException {
    note(scheduledTime);
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    DBOS dbos =
        DBOS.builder()
            .appName("tick-test")
            .systemDatabaseUrl(args[0])
            .adminServer(false)
            .configFile(dir.resolve("absent.yaml"))
            .build();
    new TickAppDurable(dbos, dir);
    dbos.launch();
    System.out.println("READY " + dbos.executorId());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
