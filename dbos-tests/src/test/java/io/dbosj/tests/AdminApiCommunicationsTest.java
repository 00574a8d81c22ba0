package io.dbosj.tests;

import static io.dbosj.tests.WorkflowCommunicationsTest.send;
import static io.dbosj.tests.WorkflowCommunicationsTest.setEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.fixtures.TalkDurable;
import io.dbosj.tests.support.AdminHttp;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * {@code GET /workflows/{id}/events}, {@code /messages} and {@code /streams} answer in the shapes of DBOS Java's
 * conductor protocol (values as JSON text), with an event's history and a message's ID besides,
 * and an unknown ID as the other workflow endpoints do.
 */
class AdminApiCommunicationsTest {

  @BothDatabases
  void eventsListEachKeyWithItsValueAndHistoryAsJsonText(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("approval")).placeOrder("fig", 1).getResult();
      setEvent(db, "approval", 3, "status", "\"waiting\"", "portable_json");
      setEvent(db, "approval", 4, "status", "{\"by\":\"ada\"}", "portable_json");

      HttpResponse<String> response = new AdminHttp(dbos).get("/workflows/approval/events");

      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(new AdminHttp(dbos).ok(response))
          .isEqualTo(
              AdminHttp.parse(
                  "[{\"key\":\"status\",\"value\":\"{\\\"by\\\":\\\"ada\\\"}\",\"history\":["
                      + "{\"function_id\":3,\"value\":\"\\\"waiting\\\"\"},"
                      + "{\"function_id\":4,\"value\":\"{\\\"by\\\":\\\"ada\\\"}\"}]}]"));
    }
  }

  @BothDatabases
  void messagesListTheUnconsumedOnesOldestFirst(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("inbox")).placeOrder("fig", 1).getResult();
      send(db, "m-2", "inbox", "approvals", "{\"by\":\"ada\"}", 2_000, false);
      send(db, "m-1", "inbox", "__null__topic__", "\"hello\"", 1_000, false);
      send(db, "m-0", "inbox", "approvals", "\"taken\"", 500, true);

      AdminHttp admin = new AdminHttp(dbos);

      assertThat(admin.ok(admin.get("/workflows/inbox/messages")))
          .isEqualTo(
              AdminHttp.parse(
                  "[{\"topic\":null,\"message\":\"\\\"hello\\\"\",\"created_at_epoch_ms\":1000,\"consumed\":false,\"message_id\":\"m-1\"},"
                      + "{\"topic\":\"approvals\",\"message\":\"{\\\"by\\\":\\\"ada\\\"}\",\"created_at_epoch_ms\":2000,"
                      + "\"consumed\":false,\"message_id\":\"m-2\"}]"));
    }
  }

  @BothDatabases
  void streamsListEachKeyWithItsValuesAsJsonText(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      TalkDurable talk = new TalkDurable(dbos);
      dbos.launch();
      talk.start(StartOptions.id("writer")).stream(2).getResult();
      AdminHttp admin = new AdminHttp(dbos);

      assertThat(admin.ok(admin.get("/workflows/writer/streams")))
          .isEqualTo(AdminHttp.parse("[{\"key\":\"numbers\",\"values\":[\"0\",\"1\"]}]"));
    }
  }

  @BothDatabases
  void anUnknownIdIsWorkflowNotFoundAndOnlyGetIsAllowed(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("quiet")).placeOrder("fig", 1).getResult();
      AdminHttp admin = new AdminHttp(dbos);

      for (HttpResponse<String> unknown : List.of(admin.get("/workflows/nope/events"), admin.get("/workflows/nope/messages"), admin.get("/workflows/nope/streams"))) {
        assertThat(unknown.statusCode()).as(unknown.uri().toString()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("Workflow not found");
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("text/plain");
      }
      assertThat(admin.ok(admin.get("/workflows/quiet/events"))).isEqualTo(AdminHttp.parse("[]"));
      assertThat(admin.ok(admin.get("/workflows/quiet/messages"))).isEqualTo(AdminHttp.parse("[]"));
      HttpResponse<String> post = admin.post("/workflows/quiet/messages", null);
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }
  }
}
