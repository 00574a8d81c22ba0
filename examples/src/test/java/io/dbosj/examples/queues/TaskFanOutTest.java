package io.dbosj.examples.queues;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.examples.support.ExampleProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskFanOutTest {

  @Test
  void tenEnqueuedTasksEachRunOnceAndTheWorkflowGathersThem(@TempDir Path workDir) throws Exception {
    String output = ExampleProcess.run(TaskFanOut.class, workDir);

    assertThat(output).contains("Enqueueing tasks");
    for (int i = 0; i < 10; i++) {
      assertThat(output).containsOnlyOnce("Task " + i + " completed!");
    }
    assertThat(output).contains("Successfully completed 10 tasks");
    assertThat(workDir.resolve("queues.sqlite")).exists();
  }
}
