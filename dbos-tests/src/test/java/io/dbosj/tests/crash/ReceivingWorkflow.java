package io.dbosj.tests.crash;

import io.dbosj.DBOS;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Receives messages and handles each in a step that appends to a side-effect file. While the hold
 * file exists, the step waits before its side effect, so a test can kill the process after a recv
 * returned and before the next step is recorded.
 */
public class ReceivingWorkflow {
  /** What {@link #waitFor} returns when its recv timed out. */
  public static final String NOTHING = "(nothing)";

  private final Path sideEffects;
  private final Path holdFile;

  public ReceivingWorkflow(Path sideEffects, Path holdFile) {
    this.sideEffects = sideEffects;
    this.holdFile = holdFile;
  }

  @Step
  public String handle(String message) throws IOException, InterruptedException {
    while (Files.exists(holdFile)) {
      Thread.sleep(20);
    }
    Files.writeString(
        sideEffects,
        "handled " + message + System.lineSeparator(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.SYNC);
    return message;
  }

  /** Receives and handles two messages on {@code topic}, one after the other. */
  @Workflow
  public String consumeTwo(String topic) throws IOException, InterruptedException {
    String first = handle(DBOS.recv(topic, Duration.ofSeconds(60), String.class).orElse(NOTHING));
    String second = handle(DBOS.recv(topic, Duration.ofSeconds(60), String.class).orElse(NOTHING));
    return first + "," + second;
  }

  /** One recv on {@code topic}, waiting at most {@code timeoutMillis}. */
  @Workflow
  public String waitFor(String topic, long timeoutMillis) {
    return DBOS.recv(topic, Duration.ofMillis(timeoutMillis), String.class).orElse(NOTHING);
  }
}
