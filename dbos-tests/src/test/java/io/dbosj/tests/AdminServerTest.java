package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The admin server's recovery of other executors' workflows, and our executor listing, over HTTP. */
class AdminServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> call(DBOS dbos, String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dbos.adminPort() + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @BothDatabases
  void recoveryTakesOverAGoneExecutorsPendingWorkflows(TestDatabase db) throws Exception {
    Journal before = new Journal().closed();
    try (DBOS gone = db.builder().executorId("gone").build()) {
      OrdersDurable orders = new OrdersDurable(gone, before);
      gone.launch();
      orders.start(StartOptions.id("orphaned")).gatedOrder("nut");
      before.awaitBlocked();
    }
    Journal after = new Journal();
    try (DBOS dbos = db.builder().executorId("alive").adminServer(true).adminPort(0).build()) {
      new OrdersDurable(dbos, after);
      dbos.launch();

      HttpResponse<String> recovered = call(dbos, "POST", "/dbos-workflow-recovery", "[\"gone\"]");
      assertThat(recovered.body()).isEqualTo("[\"orphaned\"]");
      assertThat(call(dbos, "GET", "/dbos-executors", null).body()).contains("\"State\":\"taken over by alive\"");
      assertThat(dbos.<String>retrieveWorkflow("orphaned").getResult()).isEqualTo("reserved-nut/100");
      assertThat(after.entries()).containsExactly("gate", "charge 100");
    }
  }

  @BothDatabases
  void anExecutionThatFindsAStepRecordedByAnotherStopsAndReturnsThatOnesOutcome(TestDatabase db)
      throws Exception {
    Journal slow = new Journal().closed();
    Journal fast = new Journal();
    try (DBOS first = db.builder().executorId("slow").build();
        DBOS second = db.builder().executorId("fast").adminServer(true).adminPort(0).build()) {
      OrdersDurable slowOrders = new OrdersDurable(first, slow);
      new OrdersDurable(second, fast);
      first.launch();
      second.launch();
      WorkflowHandle<String> raced = slowOrders.start(StartOptions.id("raced")).gatedOrder("fig");
      slow.awaitBlocked();

      // taken over while still running (as when an executor is wrongly thought gone)
      assertThat(call(second, "POST", "/dbos-workflow-recovery", "[\"slow\"]").body()).isEqualTo("[\"raced\"]");
      assertThat(second.<String>retrieveWorkflow("raced").getResult()).isEqualTo("reserved-fig/100");
      slow.open();

      assertThat(raced.getResult()).isEqualTo("reserved-fig/100");
      assertThat(fast.entries()).containsExactly("gate", "charge 100");
      assertThat(slow.entries()).containsExactly("reserve fig", "gate");
      assertThat(db.steps("raced")).containsExactly("0:reserve", "1:waitAtGate", "2:charge");
    }
  }
}
