package io.dbosj.tests.crash;

import io.dbosj.DBOS;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes 0 to {@code count - 1} to a stream and closes it. After writing {@code pauseAfter} it runs
 * a step that waits while the hold file exists, so a test can kill the process mid-stream.
 */
public class StreamingWorkflow {
  private final Path holdFile;

  public StreamingWorkflow(Path holdFile) {
    this.holdFile = holdFile;
  }

  @Step
  public void pause() throws InterruptedException {
    while (Files.exists(holdFile)) {
      Thread.sleep(20);
    }
  }

  @Workflow
  public String countTo(String key, int count, int pauseAfter) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      DBOS.writeStream(key, i);
      if (i == pauseAfter) {
        pause();
      }
    }
    DBOS.closeStream(key);
    return "wrote " + count;
  }
}
