package io.dbosj.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.examples.support.AppProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's queue part at its real pace (step n takes 5 + n seconds, five at a time): killed
 * once the first five steps are done, the app started again runs only the other five.
 */
class QueuesAppTest {

  @Test
  void killedAfterTheFirstFiveStepsARestartRunsOnlyTheOtherFive(@TempDir Path dir) throws Exception {
    AppProcess first = AppProcess.start(QueuesApp.class, dir);
    first.get("/", "fan-out-1");
    first.awaitOutput(out -> out.contains("Step 4 completed!"), 30);
    awaitFinishedSteps(dir, 5); // printed is not yet recorded
    first.kill();

    AppProcess second = AppProcess.start(QueuesApp.class, dir);
    String response = second.get("/", "fan-out-1").get().body();
    second.terminate();

    assertThat(response).isEqualTo("Completed 10 steps");
    assertThat(first.output()).contains("Enqueueing steps").doesNotContain("Successfully completed");
    assertThat(second.output()).contains("Successfully completed 10 steps");
    for (int i = 0; i < 10; i++) {
      String line = "Step " + i + " completed!";
      long before = AppProcess.count(first.output(), line);
      long after = AppProcess.count(second.output(), line);
      assertThat(before + after).as(line).isEqualTo(1);
      assertThat(i < 5 ? before : after).as(line).isEqualTo(1);
    }
  }

  /** Waits until {@code count} steps are recorded as finished. */
  private static void awaitFinishedSteps(Path dir, int count) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (finishedSteps(dir) < count) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(count + " steps were printed but not recorded as finished");
      }
      Thread.sleep(20);
    }
  }

  private static int finishedSteps(Path dir) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("queues.sqlite"));
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM workflow_status WHERE queue_name = 'example-queue' AND status = 'SUCCESS'")) {
      return rs.next() ? rs.getInt(1) : 0;
    } catch (SQLException notCreatedYet) {
      return 0;
    }
  }
}
