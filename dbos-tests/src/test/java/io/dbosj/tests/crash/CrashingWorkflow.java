package io.dbosj.tests.crash;

import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Three steps, each appending a line to a side-effect file. While the hold file exists, step three
 * waits before its side effect, so a test can kill the process right after step two's checkpoint.
 */
public class CrashingWorkflow {
  private final Path sideEffects;
  private final Path holdFile;

  public CrashingWorkflow(Path sideEffects, Path holdFile) {
    this.sideEffects = sideEffects;
    this.holdFile = holdFile;
  }

  @Step
  public int stepOne(int input) throws IOException {
    append("step1");
    return input + 1;
  }

  @Step
  public int stepTwo(int input) throws IOException {
    append("step2");
    return input * 10;
  }

  @Step
  public String stepThree(int input) throws IOException, InterruptedException {
    while (Files.exists(holdFile)) {
      Thread.sleep(50);
    }
    append("step3");
    return "result " + input;
  }

  @Workflow
  public String run(int input) throws IOException, InterruptedException {
    return stepThree(stepTwo(stepOne(input)));
  }

  private void append(String line) throws IOException {
    Files.writeString(
        sideEffects,
        line + System.lineSeparator(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.SYNC);
  }
}
