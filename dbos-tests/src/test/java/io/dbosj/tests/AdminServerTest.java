package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOS;
import io.dbosj.Queue;
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

/** The admin endpoints over HTTP, and their answers to bad input: a message and a status. */
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
  void healthQueuesAndWorkflowManagementAnswerWithJson(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      dbos.register(Queue.of("mail").concurrency(3));
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      orders.start(StartOptions.id("done")).placeOrder("fig", 4).getResult();

      assertThat(call(dbos, "GET", "/dbos-healthz", null).body()).contains("\"status\":\"healthy\"");
      assertThat(call(dbos, "GET", "/dbos-workflow-queues-metadata", null).body())
          .contains("\"name\":\"mail\"")
          .contains("\"concurrency\":3");

      HttpResponse<String> list = call(dbos, "POST", "/workflows", "{\"status\": [\"SUCCESS\"], \"limit\": 5}");
      assertThat(list.statusCode()).isEqualTo(200);
      assertThat(list.body())
          .contains("\"WorkflowUUID\":\"done\"")
          .contains("\"Status\":\"SUCCESS\"")
          .contains("\"Output\":\"\\\"reserved-fig/4/done\\\"\"");
      assertThat(call(dbos, "GET", "/workflows/done", null).body())
          .contains("\"WorkflowName\":\"placeOrder\"")
          .contains("\"Output\":\"\\\"reserved-fig/4/done\\\"\"")
          .doesNotContain("\"Error\"");
      assertThat(call(dbos, "GET", "/workflows/done/steps", null).body())
          .contains("\"name\":\"reserve\"")
          .contains("\"name\":\"ship\"");

      HttpResponse<String> fork = call(dbos, "POST", "/workflows/done/fork", "{\"start_step\": 2, \"new_workflow_id\": \"again\"}");
      assertThat(fork.statusCode()).isEqualTo(200);
      assertThat(fork.body()).contains("\"workflow_id\":\"again\"");
      WorkflowHandle<String> again = dbos.retrieveWorkflow("again");
      assertThat(again.getResult()).isEqualTo("reserved-fig/4/again");
      assertThat(journal.count("ship")).isEqualTo(2);
      assertThat(journal.count("reserve fig")).isEqualTo(1);
    }
  }

  @BothDatabases
  void cancelAndResumeOverHttp(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle = orders.start(StartOptions.id("slow")).gatedOrder("plum");
      journal.awaitBlocked();

      assertThat(call(dbos, "POST", "/workflows/slow/cancel", null).body()).contains("\"cancelled\":true");
      journal.open();
      try {
        handle.getResult();
      } catch (RuntimeException expected) {
        // cancelled
      }
      assertThat(db.status("slow")).isEqualTo("CANCELLED");
      assertThat(call(dbos, "POST", "/workflows/slow/resume", null).statusCode()).isEqualTo(200);
      assertThat(dbos.<String>retrieveWorkflow("slow").getResult()).isEqualTo("reserved-plum/100");
    }
  }

  @BothDatabases
  void badInputIsAnsweredWithAMessageAndAStatusNeverAStackTrace(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      new OrdersDurable(dbos, new Journal());
      dbos.launch();

      HttpResponse<String> unknown = call(dbos, "GET", "/workflows/nope", null);
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.body()).contains("no workflow with ID 'nope'");

      HttpResponse<String> malformed = call(dbos, "POST", "/workflows", "{not json");
      assertThat(malformed.statusCode()).isEqualTo(400);
      assertThat(malformed.body()).contains("not valid JSON");

      HttpResponse<String> badFilter = call(dbos, "POST", "/workflows", "{\"status\": [\"DONE\"]}");
      assertThat(badFilter.statusCode()).isEqualTo(400);
      assertThat(badFilter.body()).contains("unknown status \\\"DONE\\\"");

      HttpResponse<String> unknownField = call(dbos, "POST", "/workflows", "{\"colour\": \"red\"}");
      assertThat(unknownField.statusCode()).isEqualTo(400);
      assertThat(unknownField.body()).contains("unknown filter");

      HttpResponse<String> wrongMethod = call(dbos, "DELETE", "/dbos-healthz", null);
      assertThat(wrongMethod.statusCode()).isEqualTo(405);
      assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");

      HttpResponse<String> forkWithoutStep = call(dbos, "POST", "/workflows/nope/fork", "{}");
      assertThat(forkWithoutStep.statusCode()).isEqualTo(400);
      assertThat(forkWithoutStep.body()).contains("start_step");

      HttpResponse<String> nowhere = call(dbos, "GET", "/nowhere", null);
      assertThat(nowhere.statusCode()).isEqualTo(404);
      assertThat(nowhere.body()).doesNotContain("Exception");
    }
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
