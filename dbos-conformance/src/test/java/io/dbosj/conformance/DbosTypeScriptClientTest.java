package io.dbosj.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.conformance.support.ConformanceDatabase;
import io.dbosj.conformance.support.ConformanceTools;
import io.dbosj.conformance.support.DbosTypeScript;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DBOS Transact TypeScript 5.3.0's {@code DBOSClient} ({@code node/enqueue-with-dbos-client.cjs})
 * enqueues workflows by name onto a queue of a running io.dbosj app, as one DBOS service calls
 * another: our process runs them, and the client reads their results and errors back.
 */
@ExtendWith(ConformanceTools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DbosTypeScriptClientTest {
  private DbosTypeScript ts;
  private ConformanceDatabase db;
  private ShopApp app;

  @BeforeAll
  void launchTheShop(DbosTypeScript ts, ConformanceDatabase db) throws Exception {
    this.ts = ts;
    this.db = db;
    app = ShopApp.launch(db);
  }

  @AfterAll
  void stopTheShop() {
    if (app != null) {
      app.close();
    }
  }

  private static Map<String, Object> enqueue(String id, String workflow, Object... args) {
    return Map.of(
        "workflowID", id,
        "workflowName", workflow,
        "workflowClassName", ShopApp.CLASS_NAME,
        "queueName", ShopApp.REQUESTS.name(),
        "args", List.of(args));
  }

  @Test
  void workflowsTheClientEnqueuesRunHereAndTheirOutcomesReadBackInNode() throws Exception {
    String plan = JsonMapper.builder().build().writeValueAsString(List.of(
        enqueue("ts-greet", "greet", "ada", 2),
        enqueue("ts-order", "order", "fig"),
        enqueue("ts-refuse", "refuse", "pear"),
        enqueue("ts-describe", "describe", Map.of("sku", "kiwi", "quantity", 3)),
        enqueue("ts-receipt", "receipt", "lime", 4)));

    JsonNode outcomes = ts.script("enqueue-with-dbos-client.cjs", db.url(), plan).json();

    assertThat(outcomes.get(0).get("workflowID").asString()).isEqualTo("ts-greet");
    assertThat(outcomes.get(0).get("result").asString()).isEqualTo("hello, ada! hello, ada!");
    assertThat(outcomes.get(1).get("result").asString()).isEqualTo("reserved-fig");
    assertThat(outcomes.get(2).get("error").get("message").asString()).contains("out of stock: pear");
    assertThat(outcomes.get(3).get("result").asString()).isEqualTo("3 x kiwi");
    assertThat(outcomes.get(4).get("result").get("sku").asString()).isEqualTo("lime");
    assertThat(outcomes.get(4).get("result").get("quantity").asInt()).isEqualTo(4);
    assertThat(db.status("ts-greet")).isEqualTo("SUCCESS");
    assertThat(db.value("SELECT queue_name FROM dbos.workflow_status WHERE workflow_uuid = 'ts-greet'")).isEqualTo("requests");
    assertThat(db.status("ts-refuse")).isEqualTo("ERROR");
    assertThat(app.dbos.<String>retrieveWorkflow("ts-order").getResult()).isEqualTo("reserved-fig");
  }
}
