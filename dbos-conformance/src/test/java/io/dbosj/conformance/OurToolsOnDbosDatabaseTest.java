package io.dbosj.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOSClient;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowState;
import io.dbosj.WorkflowStatus;
import io.dbosj.conformance.support.ConformanceDatabase;
import io.dbosj.conformance.support.ConformanceTools;
import io.dbosj.conformance.support.OurCli;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A system database that one of DBOS's SDKs created and wrote, read by io.dbosj's {@code dbos}
 * command and {@code DBOSClient}, and launched on by an io.dbosj app. Each subclass has its SDK
 * write, in its {@code @BeforeAll}, the workflows {@code <prefix>-done} ({@code order("apple")},
 * SUCCESS, one step {@code reserve}) and {@code <prefix>-failed} ({@code refuse("pear")}, ERROR),
 * and hands the database to {@link #writtenByDbos}.
 */
@ExtendWith(ConformanceTools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OurToolsOnDbosDatabaseTest {
  private final String done;
  private final String failed;
  private final String ours;
  private ConformanceDatabase db;

  /** {@code prefix} starts the IDs of the workflows DBOS wrote, and of the one our app runs. */
  OurToolsOnDbosDatabaseTest(String prefix) {
    this.done = prefix + "-done";
    this.failed = prefix + "-failed";
    this.ours = "ours-on-" + prefix;
  }

  /** The database the subclass's SDK wrote, for the tests below. */
  final void writtenByDbos(ConformanceDatabase db) {
    this.db = db;
  }

  @Test
  void ourCliListsGetsAndShowsTheStepsOfDbosWorkflows() throws Exception {
    Map<String, JsonNode> listed = new TreeMap<>();
    for (JsonNode workflow : OurCli.run("workflow", "list", "-D", db.url(), "--json").json()) {
      listed.put(workflow.get("workflowId").asString(), workflow);
    }
    assertThat(listed).containsKeys(done, failed);
    assertThat(listed.get(done).get("state").asString()).isEqualTo("SUCCESS");
    assertThat(listed.get(done).get("name").asString()).isEqualTo("order");

    JsonNode failure = OurCli.run("workflow", "get", failed, "-D", db.url(), "--json").json();
    assertThat(failure.get("state").asString()).isEqualTo("ERROR");
    assertThat(failure.get("error").toString()).contains("out of stock: pear");

    JsonNode steps = OurCli.run("workflow", "steps", done, "-D", db.url(), "--json").json();
    assertThat(steps).hasSize(1);
    assertThat(steps.get(0).get("functionId").asInt()).isZero();
    assertThat(steps.get(0).get("name").asString()).isEqualTo("reserve");
    assertThat(steps.get(0).get("output").asString()).contains("reserved-apple");
  }

  @Test
  void ourClientListsReadsStatusesAndReadsTheResultAndTheError() throws Exception {
    try (DBOSClient client = DBOSClient.connect(db.url())) {
      assertThat(client.listWorkflows(WorkflowFilter.all())).extracting(WorkflowStatus::workflowId)
          .contains(done, failed);
      assertThat(client.getWorkflow(done).state()).isEqualTo(WorkflowState.SUCCESS);
      assertThat(client.getWorkflow(failed).state()).isEqualTo(WorkflowState.ERROR);
      assertThat(client.retrieveWorkflow(done, String.class).getResult()).isEqualTo("reserved-apple");
      assertThatThrownBy(() -> client.retrieveWorkflow(failed).getResult()).hasMessageContaining("out of stock: pear");
    }
  }

  @Test
  void anIoDbosjAppLaunchesOnTheDatabaseAndRunsItsWorkflows() throws Exception {
    try (ShopApp app = ShopApp.launch(db)) {
      assertThat(app.shop.start(StartOptions.id(ours)).order("kiwi").getResult()).isEqualTo("reserved-kiwi");
    }
    assertThat(db.status(ours)).isEqualTo("SUCCESS");
    assertThat(db.status(done)).isEqualTo("SUCCESS");
  }
}
