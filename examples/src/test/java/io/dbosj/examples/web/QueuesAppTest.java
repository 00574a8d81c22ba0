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

class QueuesAppTest {

  @Test
  void killedAfterTheFirstFiveTasksARestartRunsOnlyTheOtherFive(@TempDir Path dir) throws Exception {
    AppProcess first = AppProcess.start(QueuesApp.class, dir);
    first.get("/", "fan-out-1");
    awaitFinishedTasks(dir, 5);
    first.kill();

    AppProcess second = AppProcess.start(QueuesApp.class, dir);
    String response = second.get("/", "fan-out-1").get().body();
    second.terminate();

    assertThat(response).isEqualTo("Completed 10 tasks");
    for (int i = 0; i < 10; i++) {
      String line = "Task " + i + " completed!";
      long before = AppProcess.count(first.output(), line);
      long after = AppProcess.count(second.output(), line);
      assertThat(before + after).as(line).isEqualTo(1);
      assertThat(i < 5 ? before : after).as(line).isEqualTo(1);
    }
  }

  /** Waits until {@code count} tasks are recorded as finished: printed is not yet recorded. */
  private static void awaitFinishedTasks(Path dir, int count) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (finishedTasks(dir) < count) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("tasks never finished");
      }
      Thread.sleep(20);
    }
  }

  private static int finishedTasks(Path dir) throws Exception {
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
