package io.dbosj.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOSClient;
import io.dbosj.examples.support.AppProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tutorial tells a person to do: send the request, stop the app in the middle of the
 * durable sleeps, start it again, and watch the workflow finish from where it was.
 */
class WorkflowsAppTest {

  @Test
  void afterCtrlCMidSleepARestartFinishesTheWorkflowWithoutRepeatingStepOne(@TempDir Path dir)
      throws Exception {
    stopMidSleepAndRestart(dir, true);
  }

  @Test
  void afterSigkillMidSleepARestartFinishesTheWorkflowWithoutRepeatingStepOne(@TempDir Path dir)
      throws Exception {
    stopMidSleepAndRestart(dir, false);
  }

  @Test
  void aRequestWhoseWorkflowIsCancelledAnswers409NamingItWithoutAStackTrace(@TempDir Path dir) throws Exception {
    AppProcess app = AppProcess.start(WorkflowsApp.class, dir);
    try {
      var response = app.get("/", "to-cancel");
      app.awaitOutput(out -> out.contains("Press Control + C to stop the app..."), 30);
      try (DBOSClient client = DBOSClient.connect("sqlite:///" + dir.resolve("workflows.sqlite"))) {
        assertThat(client.cancelWorkflow("to-cancel")).isTrue();
      }

      assertThat(response.get().statusCode()).isEqualTo(409);
      assertThat(response.get().body()).isEqualTo("Workflow to-cancel was cancelled\n");
    } finally {
      app.terminate();
    }
    assertThat(app.output())
        .doesNotContain("Step two completed!")
        .doesNotContain("Exception")
        .doesNotContain("restricted method");
  }

  private static void stopMidSleepAndRestart(Path dir, boolean ctrlC) throws Exception {
    AppProcess first = AppProcess.start(WorkflowsApp.class, dir);
    first.get("/", "request-1");
    first.awaitOutput(out -> AppProcess.count(out, "Press Control + C to stop the app...") >= 2, 30);
    if (ctrlC) {
      first.interrupt();
    } else {
      first.kill();
    }
    assertThat(AppProcess.count(first.output(), "Step one completed!")).isEqualTo(1);
    assertThat(first.output()).doesNotContain("Step two completed!");
    List<String> recordedBeforeStop = steps(dir);
    assertThat(recordedBeforeStop).startsWith("0:stepOne", "1:DBOS.sleep").hasSizeLessThan(7);

    AppProcess second = AppProcess.start(WorkflowsApp.class, dir);
    second.awaitOutput(out -> out.contains("Step two completed!"), 30);
    String retried = second.get("/", "request-1").get().body();
    second.terminate();

    assertThat(retried).isEqualTo("Workflow completed");
    assertThat(second.output()).doesNotContain("Step one completed!");
    assertThat(AppProcess.count(second.output(), "Step two completed!")).isEqualTo(1);
    assertThat(steps(dir))
        .containsExactly(
            "0:stepOne", "1:DBOS.sleep", "2:DBOS.sleep", "3:DBOS.sleep", "4:DBOS.sleep", "5:DBOS.sleep", "6:stepTwo")
        .startsWith(recordedBeforeStop.toArray(new String[0]));
  }

  private static List<String> steps(Path dir) throws Exception {
    List<String> steps = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("workflows.sqlite"));
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT function_id, function_name FROM operation_outputs"
                        + " WHERE workflow_uuid = 'request-1' ORDER BY function_id")) {
      while (rs.next()) {
        steps.add(rs.getInt(1) + ":" + rs.getString(2));
      }
    }
    return steps;
  }
}
