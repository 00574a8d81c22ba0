package io.dbosj.examples.queues;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.examples.support.ExampleProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tutorial's queue program at its real pace: ten steps of 5 + n seconds, five at a time. */
class StepFanOutTest {

  @Test
  void tenEnqueuedStepsEachRunOnceAndTheWorkflowGathersThem(@TempDir Path workDir) throws Exception {
    long started = System.nanoTime();
    String output = ExampleProcess.run(StepFanOut.class, workDir);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(output).containsOnlyOnce("Enqueueing steps");
    for (int i = 0; i < 10; i++) {
      assertThat(output).containsOnlyOnce("Step " + i + " completed!");
    }
    // five at a time, each taking longer than the last: steps finish in order
    assertThat(output.lines().filter(line -> line.startsWith("Step ")))
        .containsExactly(
            "Step 0 completed!", "Step 1 completed!", "Step 2 completed!", "Step 3 completed!", "Step 4 completed!",
            "Step 5 completed!", "Step 6 completed!", "Step 7 completed!", "Step 8 completed!", "Step 9 completed!");
    assertThat(output).contains("Successfully completed 10 steps");
    // step n sleeps 5 + n s and five run at once, so step 9 starts as step 4 ends (9 s) and ends at 23 s
    assertThat(took).as("the run's duration").isGreaterThanOrEqualTo(Duration.ofSeconds(23));
    assertThat(workDir.resolve("queues.sqlite")).exists();
  }
}
