package io.dbosj.examples.scheduled;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.examples.support.ExampleProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EverySecondTest {

  @Test
  void theScheduledWorkflowRunsEverySecondWhileTheProgramRuns(@TempDir Path workDir) throws Exception {
    String output = ExampleProcess.run(EverySecond.class, workDir);

    assertThat(output.lines().filter(line -> line.startsWith("I am a scheduled workflow. It is currently ")))
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(workDir.resolve("scheduled.sqlite")).exists();
  }
}
