package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.fixtures.TickerDurable;
import io.dbosj.tests.support.AdminHttp;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.MutableClock;
import io.dbosj.tests.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The admin server's management endpoints answer as DBOS Java 1.1.0-m6's do (cancel and resume
 * 204, fork 200 {@code {"workflow_id"}}, deactivate 200 "deactivated", global timeout 204), and
 * what io.dbosj cannot do is refused, never faked.
 */
class AdminApiManagementTest {

  @BothDatabases
  void cancelAndResumeAnswer204AndDoIt(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle = orders.start(StartOptions.id("slow")).gatedOrder("plum");
      journal.awaitBlocked();
      AdminHttp admin = new AdminHttp(dbos);

      HttpResponse<String> cancel = admin.post("/workflows/slow/cancel", null);
      assertThat(cancel.statusCode()).isEqualTo(204);
      assertThat(cancel.body()).isEmpty();
      assertThat(db.status("slow")).isEqualTo("CANCELLED");
      journal.open();
      assertThatThrownBy(handle::getResult).isNotNull(); // the cancelled execution stops

      HttpResponse<String> resume = admin.post("/workflows/slow/resume", null);
      assertThat(resume.statusCode()).isEqualTo(204);
      assertThat(dbos.<String>retrieveWorkflow("slow").getResult()).isEqualTo("reserved-plum/100");
      assertThat(admin.post("/workflows/slow/cancel", null).statusCode()).isEqualTo(204); // finished: nothing to do
      assertThat(db.status("slow")).isEqualTo("SUCCESS");
    }
  }

  @BothDatabases
  void forkTakesDbosForkRequestAndAnswersTheForksId(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().appVersion("v1").adminServer(true).adminPort(0).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      orders.start(StartOptions.id("done")).placeOrder("fig", 4).getResult();
      AdminHttp admin = new AdminHttp(dbos);

      HttpResponse<String> fork =
          admin.post("/workflows/done/fork", "{\"start_step\": 2, \"new_workflow_id\": \"again\", \"application_version\": \"v1\"}");
      assertThat(fork.statusCode()).isEqualTo(200);
      assertThat(fork.body()).isEqualTo("{\"workflow_id\":\"again\"}");
      assertThat(dbos.<String>retrieveWorkflow("again").getResult()).isEqualTo("reserved-fig/4/again");
      assertThat(journal.count("ship")).isEqualTo(2);
      assertThat(journal.count("reserve fig")).isEqualTo(1);
      assertThat(admin.ok(admin.get("/workflows/again")).get("ForkedFrom").asString()).isEqualTo("done");
      assertThat(admin.ok(admin.get("/workflows/again")).get("WasForkedFrom").asBoolean()).isFalse();
      assertThat(admin.ok(admin.get("/workflows/done")).get("WasForkedFrom").asBoolean()).isTrue();

      JsonNode whole = admin.ok(admin.post("/workflows/done/fork", "{}")); // start_step 0: all of it again
      String wholeId = whole.get("workflow_id").asString();
      assertThat(dbos.<String>retrieveWorkflow(wholeId).getResult()).isEqualTo("reserved-fig/4/" + wholeId);
      assertThat(journal.count("reserve fig")).isEqualTo(2);

      HttpResponse<String> taken = admin.post("/workflows/done/fork", "{\"start_step\": 1, \"new_workflow_id\": \"again\"}");
      assertThat(taken.statusCode()).isEqualTo(409);
      assertThat(taken.body()).contains("again");
    }
  }

  @BothDatabases
  void globalTimeoutCancelsTheUnfinishedWorkflowsCreatedUpToTheCutoff(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      orders.start(StartOptions.id("old")).gatedOrder("fig");
      journal.awaitBlocked();
      long cutoff = Long.parseLong(db.value("SELECT created_at FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'old'"));
      Await.until("the clock passes the cutoff", () -> System.currentTimeMillis() > cutoff, System::currentTimeMillis);
      WorkflowHandle<String> young = orders.start(StartOptions.id("young")).gatedOrder("pear");
      Await.until("both wait at the gate", () -> journal.count("gate") == 2, journal::entries);
      AdminHttp admin = new AdminHttp(dbos);

      HttpResponse<String> timeout = admin.post("/dbos-global-timeout", "{\"cutoff_epoch_timestamp_ms\": " + cutoff + "}");

      assertThat(timeout.statusCode()).isEqualTo(204);
      assertThat(db.status("old")).isEqualTo("CANCELLED");
      assertThat(db.status("young")).isEqualTo("PENDING");
      journal.open();
      assertThat(young.getResult()).isEqualTo("reserved-pear/100");
      assertThat(admin.post("/dbos-global-timeout", "{}").statusCode()).isEqualTo(400);
    }
  }

  @BothDatabases
  void garbageCollectionThatWouldKeepNoWorkflowIsRefusedAndDeletesNothing(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("kept")).placeOrder("fig", 1).getResult();
      AdminHttp admin = new AdminHttp(dbos);

      HttpResponse<String> gc =
          admin.post("/dbos-garbage-collect", "{\"cutoff_epoch_timestamp_ms\": " + (System.currentTimeMillis() + 60_000) + ", \"rows_threshold\": 0}");

      assertThat(gc.statusCode()).isEqualTo(400);
      assertThat(gc.body()).contains("keeps at least 1 workflow");
      assertThat(db.status("kept")).isEqualTo("SUCCESS");
    }
  }

  @BothDatabases
  void deactivateStopsTheSchedulerAndLeavesTheRestRunning(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00.5Z"));
    Journal ticks = new Journal();
    try (DBOS dbos = db.builder().clock(clock).adminServer(true).adminPort(0).build()) {
      new TickerDurable(dbos, ticks);
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      clock.advance(Duration.ofSeconds(1));
      Await.until("the first tick", () -> ticks.entries().size() == 1, ticks::entries);
      AdminHttp admin = new AdminHttp(dbos);

      HttpResponse<String> deactivate = admin.post("/deactivate", null);

      assertThat(deactivate.statusCode()).isEqualTo(200);
      assertThat(deactivate.body()).isEqualTo("deactivated");
      Await.until("the scheduler's thread ends", () -> !schedulerAlive(), AdminApiManagementTest::schedulerAlive);
      clock.advance(Duration.ofSeconds(3));
      assertThat(orders.start(StartOptions.id("after")).placeOrder("fig", 1).getResult()).isEqualTo("reserved-fig/1/after");
      assertThat(ticks.entries()).hasSize(1);
      assertThat(admin.get("/deactivate").body()).isEqualTo("deactivated"); // DBOS Python's GET: again, harmless
    }
  }

  private static boolean schedulerAlive() {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals("dbos-scheduler"));
  }

  @BothDatabases
  void badRequestsGetDbosStatusesAndAPlainTextReasonNamingTheField(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      new OrdersDurable(dbos, new Journal());
      dbos.launch();
      AdminHttp admin = new AdminHttp(dbos);

      for (HttpResponse<String> unknown :
          java.util.List.of(
              admin.get("/workflows/nope"), admin.get("/workflows/nope/steps"), admin.post("/workflows/nope/cancel", null),
              admin.post("/workflows/nope/resume", null), admin.post("/workflows/nope/fork", "{\"start_step\": 1}"))) {
        assertThat(unknown.statusCode()).as(unknown.uri().toString()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("Workflow not found");
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("text/plain");
      }

      assertBadRequest(admin.post("/workflows", "{not json"), "not valid JSON");
      assertBadRequest(admin.post("/workflows", "{\"limit\": \"x\"}"), "limit must be an integer");
      assertBadRequest(admin.post("/workflows", "{\"limit\": 0}"), "limit");
      assertBadRequest(admin.post("/workflows", "{\"status\": [\"DONE\"]}"), "unknown status \"DONE\"");
      assertBadRequest(admin.post("/workflows", "{\"start_time\": \"yesterday\"}"), "start_time must be an ISO-8601 instant");
      assertBadRequest(admin.post("/workflows", "{\"colour\": \"red\"}"), "unknown field \"colour\"");
      assertBadRequest(admin.post("/workflows", "{\"workflow_id_prefix\": \"or\"}"), "workflow_id_prefix is a filter io.dbosj does not support");
      assertBadRequest(admin.post("/workflows", "{\"workflow_name\": [\"a\", \"b\"]}"), "workflow_name");
      assertBadRequest(admin.post("/workflows", "[1]"), "JSON object");
      assertBadRequest(admin.post("/queues", "{\"queue_name\": 3}"), "queue_name must be a string or a list of strings");
      assertBadRequest(admin.post("/workflows/nope/fork", "{\"start_step\": -1}"), "start_step must be 0 or more");
      assertBadRequest(admin.post("/dbos-workflow-recovery", "{}"), "list of executor IDs");

      HttpResponse<String> form = admin.send("POST", "/workflows", "status=ERROR", "application/x-www-form-urlencoded");
      assertThat(form.statusCode()).isEqualTo(415);
      assertThat(form.body()).isEqualTo("Unsupported Media Type");

      HttpResponse<String> wrongMethod = admin.get("/workflows");
      assertThat(wrongMethod.statusCode()).isEqualTo(405);
      assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
      assertThat(admin.post("/dbos-healthz", null).statusCode()).isEqualTo(405);
      assertThat(admin.get("/workflows/nope/cancel").statusCode()).isEqualTo(405);
      assertThat(admin.send("DELETE", "/deactivate", null, null).statusCode()).isEqualTo(405);

      HttpResponse<String> nowhere = admin.get("/nowhere");
      assertThat(nowhere.statusCode()).isEqualTo(404);
      assertThat(nowhere.body()).doesNotContain("Exception");
      assertThat(admin.get("/workflows/nope/").statusCode()).isEqualTo(404);
      assertThat(admin.get("/workflows/nope/steps/more").statusCode()).isEqualTo(404);
    }
  }

  private static void assertBadRequest(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(reason).doesNotContain("Exception");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
  }
}
