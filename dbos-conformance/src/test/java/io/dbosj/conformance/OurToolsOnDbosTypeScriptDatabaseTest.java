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
import io.dbosj.conformance.support.DbosTypeScript;
import io.dbosj.conformance.support.OurCli;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A system database that DBOS Transact TypeScript 5.3.0 created and wrote ({@code
 * node/run-dbos-app.cjs}: {@code ts-done} SUCCESS, {@code ts-failed} ERROR, in DBOS's portable
 * format), read by io.dbosj's {@code dbos} command and {@code DBOSClient}, and launched on by an
 * io.dbosj app.
 */
@ExtendWith(ConformanceTools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OurToolsOnDbosTypeScriptDatabaseTest {
  private ConformanceDatabase db;

  @BeforeAll
  void letDbosTypeScriptCreateAndWriteTheDatabase(DbosTypeScript ts, ConformanceDatabase db) throws Exception {
    this.db = db;
    ts.script("run-dbos-app.cjs", db.url()).succeeded();
  }

  @Test
  void ourCliListsGetsAndShowsTheStepsOfDbosTypeScriptsWorkflows() throws Exception {
    Map<String, JsonNode> listed = new TreeMap<>();
    for (JsonNode workflow : OurCli.run("workflow", "list", "-D", db.url(), "--json").json()) {
      listed.put(workflow.get("workflowId").asString(), workflow);
    }
    assertThat(listed).containsKeys("ts-done", "ts-failed");
    assertThat(listed.get("ts-done").get("state").asString()).isEqualTo("SUCCESS");
    assertThat(listed.get("ts-done").get("name").asString()).isEqualTo("order");

    JsonNode failed = OurCli.run("workflow", "get", "ts-failed", "-D", db.url(), "--json").json();
    assertThat(failed.get("state").asString()).isEqualTo("ERROR");
    assertThat(failed.get("error").toString()).contains("out of stock: pear");

    JsonNode steps = OurCli.run("workflow", "steps", "ts-done", "-D", db.url(), "--json").json();
    assertThat(steps).hasSize(1);
    assertThat(steps.get(0).get("functionId").asInt()).isZero();
    assertThat(steps.get(0).get("name").asString()).isEqualTo("reserve");
    assertThat(steps.get(0).get("output").asString()).contains("reserved-apple");
  }

  @Test
  void ourClientListsReadsStatusesAndReadsTheResultAndTheError() throws Exception {
    try (DBOSClient client = DBOSClient.connect(db.url())) {
      assertThat(client.listWorkflows(WorkflowFilter.all())).extracting(WorkflowStatus::workflowId)
          .contains("ts-done", "ts-failed");
      assertThat(client.getWorkflow("ts-done").state()).isEqualTo(WorkflowState.SUCCESS);
      assertThat(client.getWorkflow("ts-failed").state()).isEqualTo(WorkflowState.ERROR);
      assertThat(client.retrieveWorkflow("ts-done", String.class).getResult()).isEqualTo("reserved-apple");
      assertThatThrownBy(() -> client.retrieveWorkflow("ts-failed").getResult()).hasMessageContaining("out of stock: pear");
    }
  }

  @Test
  void anIoDbosjAppLaunchesOnTheDatabaseAndRunsItsWorkflows() throws Exception {
    try (ShopApp app = ShopApp.launch(db)) {
      assertThat(app.shop.start(StartOptions.id("ours-on-ts")).order("kiwi").getResult()).isEqualTo("reserved-kiwi");
    }
    assertThat(db.status("ours-on-ts")).isEqualTo("SUCCESS");
    assertThat(db.status("ts-done")).isEqualTo("SUCCESS");
  }
}
