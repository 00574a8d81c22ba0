package io.dbosj.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.StartWorkflowOptions;
import dev.dbos.transact.config.DBOSConfig;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A system database that DBOS Transact Java 1.1.0-m6 created and wrote (launched in this JVM with
 * {@link JavaShopImpl}: {@code java-done} SUCCESS, {@code java-failed} ERROR, then shut down), read
 * by io.dbosj's {@code dbos} command and {@code DBOSClient}, and launched on by an io.dbosj app.
 */
@ExtendWith(ConformanceTools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OurToolsOnDbosJavaDatabaseTest {
  private ConformanceDatabase db;

  @BeforeAll
  void letDbosJavaCreateAndWriteTheDatabase(ConformanceDatabase db) throws Exception {
    this.db = db;
    DBOSConfig config = DBOSConfig.defaults("java-shop")
        .withDatabaseUrl(db.jdbcUrl())
        .withDbUser(db.user())
        .withDbPassword(db.password());
    try (DBOS dbos = new DBOS(config)) {
      JavaShop shop = dbos.registerProxy(JavaShop.class, new JavaShopImpl(dbos));
      dbos.launch();
      assertThat(dbos.startWorkflow(() -> shop.order("apple"), new StartWorkflowOptions("java-done")).getResult())
          .isEqualTo("reserved-apple");
      assertThatThrownBy(() -> dbos.startWorkflow(() -> shop.refuse("pear"), new StartWorkflowOptions("java-failed"))
          .getResult()).hasMessageContaining("out of stock: pear");
    }
  }

  @Test
  void ourCliListsGetsAndShowsTheStepsOfDbosJavasWorkflows() throws Exception {
    Map<String, JsonNode> listed = new TreeMap<>();
    for (JsonNode workflow : OurCli.run("workflow", "list", "-D", db.url(), "--json").json()) {
      listed.put(workflow.get("workflowId").asString(), workflow);
    }
    assertThat(listed).containsKeys("java-done", "java-failed");
    assertThat(listed.get("java-done").get("state").asString()).isEqualTo("SUCCESS");
    assertThat(listed.get("java-done").get("name").asString()).isEqualTo("order");

    JsonNode failed = OurCli.run("workflow", "get", "java-failed", "-D", db.url(), "--json").json();
    assertThat(failed.get("state").asString()).isEqualTo("ERROR");
    assertThat(failed.get("error").toString()).contains("out of stock: pear");

    JsonNode steps = OurCli.run("workflow", "steps", "java-done", "-D", db.url(), "--json").json();
    assertThat(steps).hasSize(1);
    assertThat(steps.get(0).get("functionId").asInt()).isZero();
    assertThat(steps.get(0).get("name").asString()).isEqualTo("reserve");
    assertThat(steps.get(0).get("output").asString()).contains("reserved-apple");
  }

  @Test
  void ourClientListsReadsStatusesAndReadsTheResultAndTheError() throws Exception {
    try (DBOSClient client = DBOSClient.connect(db.url())) {
      assertThat(client.listWorkflows(WorkflowFilter.all())).extracting(WorkflowStatus::workflowId)
          .contains("java-done", "java-failed");
      assertThat(client.getWorkflow("java-done").state()).isEqualTo(WorkflowState.SUCCESS);
      assertThat(client.getWorkflow("java-failed").state()).isEqualTo(WorkflowState.ERROR);
      assertThat(client.retrieveWorkflow("java-done", String.class).getResult()).isEqualTo("reserved-apple");
      assertThatThrownBy(() -> client.retrieveWorkflow("java-failed").getResult())
          .hasMessageContaining("out of stock: pear");
    }
  }

  @Test
  void anIoDbosjAppLaunchesOnTheDatabaseAndRunsItsWorkflows() throws Exception {
    try (ShopApp app = ShopApp.launch(db)) {
      assertThat(app.shop.start(StartOptions.id("ours-on-java")).order("kiwi").getResult()).isEqualTo("reserved-kiwi");
    }
    assertThat(db.status("ours-on-java")).isEqualTo("SUCCESS");
    assertThat(db.status("java-done")).isEqualTo("SUCCESS");
  }
}
