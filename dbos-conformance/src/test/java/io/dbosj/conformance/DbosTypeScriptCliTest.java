package io.dbosj.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.conformance.support.ConformanceDatabase;
import io.dbosj.conformance.support.ConformanceTools;
import io.dbosj.conformance.support.DbosTypeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * DBOS Transact TypeScript 5.3.0's {@code dbos} CLI, run as its users run it ({@code dbos workflow
 * ... -s <url>}), on the system database of a running io.dbosj app: what it prints is what a DBOS
 * user would see for DBOS's own workflows, and what it changes our process carries out.
 */
@ExtendWith(ConformanceTools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DbosTypeScriptCliTest {
  private DbosTypeScript ts;
  private ConformanceDatabase db;
  private ShopApp app;

  @BeforeAll
  void launchTheShop(DbosTypeScript ts, ConformanceDatabase db) throws Exception {
    this.ts = ts;
    this.db = db;
    app = ShopApp.launch(db).seed(db);
  }

  @AfterAll
  void stopTheShop() {
    if (app != null) {
      app.close();
    }
  }

  /** {@code workflow list} output, by workflow ID. */
  private Map<String, JsonNode> list(String... filters) throws Exception {
    List<String> args = new ArrayList<>(List.of("workflow", "list", "-s", db.url(), "-l", "100"));
    args.addAll(List.of(filters));
    Map<String, JsonNode> byId = new TreeMap<>();
    for (JsonNode workflow : ts.cli(args.toArray(String[]::new)).json()) {
      byId.put(workflow.get("workflowID").asString(), workflow);
    }
    return byId;
  }

  @Test
  void dbosSchemaFindsTheDatabaseUpToDateAndMigratesNothing() throws Exception {
    String version = db.value("SELECT max(version) FROM dbos.dbos_migrations");

    String out = ts.cli("schema", db.url()).succeeded().stdout();

    // DBOS TS prints this line only when it has migrations to apply
    assertThat(out).doesNotContain("Running DBOS system database migrations");
    assertThat(version).isEqualTo("123");
    assertThat(db.value("SELECT max(version) FROM dbos.dbos_migrations")).isEqualTo(version);
  }

  @Test
  void workflowListShowsEachWorkflowWithItsNameClassStatusInputAndOutcome() throws Exception {
    Map<String, JsonNode> workflows = list();

    assertThat(workflows).containsKeys("done", "failed", "held", "to-cancel", "queued-1", "queued-2");
    JsonNode done = workflows.get("done");
    assertThat(done.get("status").asString()).isEqualTo("SUCCESS");
    assertThat(done.get("workflowName").asString()).isEqualTo("order");
    assertThat(done.get("workflowClassName").asString()).isEqualTo(ShopApp.CLASS_NAME);
    // the CLI prints inputs and outputs as node's util.inspect renders the decoded values
    assertThat(done.get("input").asString()).isEqualTo("[ 'apple' ]");
    assertThat(done.get("output").asString()).isEqualTo("'reserved-apple'");
    JsonNode failed = workflows.get("failed");
    assertThat(failed.get("status").asString()).isEqualTo("ERROR");
    assertThat(failed.get("error").asString()).contains("out of stock: pear");
    assertThat(workflows.get("held").get("status").asString()).isEqualTo("PENDING");
  }

  @Test
  void workflowListFiltersByStatusAndByName() throws Exception {
    assertThat(list("--status", "ERROR").keySet()).containsExactly("failed");
    Map<String, JsonNode> heldOrders = list("--name", "heldOrder");
    assertThat(heldOrders).containsKeys("held", "queued-1", "queued-2").doesNotContainKeys("done", "failed");
    assertThat(heldOrders.values()).allSatisfy(w -> assertThat(w.get("workflowName").asString()).isEqualTo("heldOrder"));
  }

  @Test
  void workflowGetShowsOneWorkflow() throws Exception {
    JsonNode done = ts.cli("workflow", "get", "done", "-s", db.url()).json();

    assertThat(done.get("workflowID").asString()).isEqualTo("done");
    assertThat(done.get("status").asString()).isEqualTo("SUCCESS");
    assertThat(done.get("output").asString()).isEqualTo("'reserved-apple'");
    assertThat(done.get("createdAt").asLong()).isPositive();
  }

  @Test
  void workflowGetShowsARecordResultAsThePlainObjectItIs() throws Exception {
    JsonNode receipt = ts.cli("workflow", "get", "receipt", "-s", db.url()).json();

    assertThat(receipt.get("output").asString()).isEqualTo("{ sku: 'apple', quantity: 2 }");
    assertThat(receipt.get("input").asString()).isEqualTo("[ 'apple', 2 ]");
  }

  @Test
  void workflowStepsListsTheStepAndTheTransactionInOrder() throws Exception {
    JsonNode steps = ts.cli("workflow", "steps", "done", "-s", db.url()).json();

    assertThat(steps).hasSize(2);
    assertThat(steps.get(0).get("functionID").asInt()).isZero();
    assertThat(steps.get(0).get("name").asString()).isEqualTo("reserve");
    assertThat(steps.get(0).get("output").asString()).isEqualTo("'reserved-apple'");
    assertThat(steps.get(1).get("functionID").asInt()).isEqualTo(1);
    assertThat(steps.get(1).get("name").asString()).isEqualTo("recordOrder");
    assertThat(steps.get(1).get("output").asString()).isEqualTo("'recorded-apple'");
  }

  @Test
  void workflowQueueListShowsTheQueuedWorkflows() throws Exception {
    Map<String, JsonNode> queued = new TreeMap<>();
    for (JsonNode workflow : ts.cli("workflow", "queue", "list", "-q", "orders", "-s", db.url()).json()) {
      queued.put(workflow.get("workflowID").asString(), workflow);
    }

    assertThat(queued.keySet()).containsExactlyInAnyOrder("queued-1", "queued-2");
    assertThat(queued.get("queued-1").get("status").asString()).isEqualTo("PENDING");
    assertThat(queued.get("queued-2").get("status").asString()).isEqualTo("ENQUEUED");
    assertThat(queued.get("queued-2").get("queueName").asString()).isEqualTo("orders");
  }

  @Test
  void workflowCancelStopsAHeldWorkflowAndWorkflowResumeHasOurProcessFinishIt() throws Exception {
    ts.cli("workflow", "cancel", "to-cancel", "-s", db.url()).succeeded();
    assertThat(db.status("to-cancel")).isEqualTo("CANCELLED");
    app.gates.open("lime");

    ts.cli("workflow", "resume", "to-cancel", "-s", db.url()).succeeded();

    db.awaitStatus("to-cancel", "SUCCESS");
    assertThat(app.dbos.<String>retrieveWorkflow("to-cancel").getResult()).isEqualTo("reserved-lime");
    assertThat(db.rows("SELECT function_id, function_name FROM dbos.operation_outputs WHERE workflow_uuid = 'to-cancel'"
        + " ORDER BY function_id")).containsExactly(List.of("0", "reserve"), List.of("1", "waitAtGate"));
  }

  @Test
  void workflowForkMakesANewWorkflowThatOurProcessRunsFromTheStepNamed() throws Exception {
    ts.cli("workflow", "fork", "done", "-S", "1", "-f", "done-fork", "-s", db.url()).succeeded();

    db.awaitStatus("done-fork", "SUCCESS");
    assertThat(app.dbos.<String>retrieveWorkflow("done-fork").getResult()).isEqualTo("reserved-apple");
    assertThat(db.value("SELECT forked_from FROM dbos.workflow_status WHERE workflow_uuid = 'done-fork'")).isEqualTo("done");
    assertThat(db.value("SELECT was_forked_from FROM dbos.workflow_status WHERE workflow_uuid = 'done'")).isEqualTo("t");
    JsonNode steps = ts.cli("workflow", "steps", "done-fork", "-s", db.url()).json();
    assertThat(steps).hasSize(2);
    assertThat(steps.get(1).get("name").asString()).isEqualTo("recordOrder");
  }

  @Test
  void aForkOntoThisProcesssVersionRunsHereThoughTheWorkflowsCodeChangedAndOneOntoAnotherWaits() throws Exception {
    app.shop.start(io.dbosj.StartOptions.id("old-code")).order("plum").getResult();
    // as if the build that recorded it had another signature of order
    db.update("UPDATE dbos.workflow_status SET attributes = '{\"dbosj.fingerprint\": \"00112233445566778899aabbccddeeff\"}'"
        + " WHERE workflow_uuid = 'old-code'");
    String here = db.value("SELECT application_version FROM dbos.workflow_status WHERE workflow_uuid = 'old-code'");

    ts.cli("workflow", "fork", "old-code", "-S", "1", "-f", "onto-gone", "-v", "gone", "-s", db.url()).succeeded();
    ts.cli("workflow", "fork", "old-code", "-S", "1", "-f", "onto-here", "-v", here, "-s", db.url()).succeeded();

    db.awaitStatus("onto-here", "SUCCESS");
    assertThat(app.dbos.<String>retrieveWorkflow("onto-here").getResult()).isEqualTo("reserved-plum");
    assertThat(db.value("SELECT application_version FROM dbos.workflow_status WHERE workflow_uuid = 'onto-gone'"))
        .isEqualTo("gone");
    assertThat(db.status("onto-gone")).as("no process runs version gone, nor its code").isEqualTo("ENQUEUED");
  }
}
