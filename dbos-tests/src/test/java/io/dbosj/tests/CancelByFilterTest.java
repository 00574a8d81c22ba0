package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.CancelOptions;
import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowState;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Orders;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.AdminHttp;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

/**
 * {@code cancelWorkflows(filter)} on DBOS and DBOSClient, and the admin server's {@code POST
 * /workflows/cancel}: they cancel the unfinished workflows the filter selects, leave finished ones
 * as they are, answer the IDs cancelled, and refuse a filter that selects everything.
 */
class CancelByFilterTest {
  /** A queue no process here runs: what a client enqueues on it stays ENQUEUED. */
  private static final String HELD = "held";

  @BothDatabases
  void cancelWorkflowsCancelsTheUnfinishedOnesTheFilterSelectsByNameStatusAndTime(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build();
        DBOSClient client = DBOSClient.connect(startedAndClosed(db))) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("done")).placeOrder("fig", 1).getResult();
      held(client, "old-1", "placeOrder");
      held(client, "old-2", "placeOrder");
      Instant cutoff = createdAt(db, "old-2");
      awaitClockPast(cutoff.toEpochMilli());
      held(client, "new", "placeOrder");
      held(client, "other", "sleepy");

      assertThat(dbos.cancelWorkflows(WorkflowFilter.all().name("placeOrder").createdBefore(cutoff)))
          .containsExactlyInAnyOrder("old-1", "old-2");
      assertThat(dbos.cancelWorkflows(WorkflowFilter.all().states(WorkflowState.ENQUEUED).name("sleepy")))
          .containsExactly("other");
      assertThat(dbos.cancelWorkflows(WorkflowFilter.all().states(WorkflowState.SUCCESS))).as("finished: nothing to do").isEmpty();
      assertThat(dbos.cancelWorkflows(WorkflowFilter.all().workflowIds("no-such-workflow"))).isEmpty();

      assertThat(List.of(db.status("old-1"), db.status("old-2"), db.status("other"))).containsOnly("CANCELLED");
      assertThat(db.status("new")).isEqualTo("ENQUEUED");
      assertThat(db.status("done")).isEqualTo("SUCCESS");
    }
  }

  @BothDatabases
  void aDbosClientCancelsByFilterTooAndTheFilterLimitHolds(TestDatabase db) throws Exception {
    try (DBOSClient client = DBOSClient.connect(startedAndClosed(db))) {
      held(client, "a", "placeOrder");
      held(client, "b", "placeOrder");
      held(client, "c", "placeOrder");

      assertThat(client.cancelWorkflows(WorkflowFilter.all().states(WorkflowState.ENQUEUED).newestFirst(false).limit(2)))
          .containsExactly("a", "b");
      assertThat(client.cancelWorkflows(WorkflowFilter.all().queueName(HELD), CancelOptions.defaults().cancelChildren(true)))
          .containsExactly("c");
    }
  }

  @BothDatabases
  void aFilterThatSelectsEverythingIsRefused(TestDatabase db) throws Exception {
    try (DBOSClient client = DBOSClient.connect(startedAndClosed(db))) {
      held(client, "a", "placeOrder");

      assertThatThrownBy(() -> client.cancelWorkflows(WorkflowFilter.all()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("selects every workflow")
          .hasMessageContaining("states(WorkflowState.PENDING, WorkflowState.ENQUEUED)");
      assertThatThrownBy(() -> client.cancelWorkflows(WorkflowFilter.all().limit(5)))
          .as("a limit selects nothing by itself")
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(db.status("a")).isEqualTo("ENQUEUED");
    }
  }

  @BothDatabases
  void theAdminServerCancelsByFilterAndRefusesAnEmptyOne(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build();
        DBOSClient client = DBOSClient.connect(startedAndClosed(db))) {
      new OrdersDurable(dbos, new Journal());
      dbos.launch();
      held(client, "a", "placeOrder");
      held(client, "b", "sleepy");
      AdminHttp admin = new AdminHttp(dbos);

      HttpResponse<String> cancelled =
          admin.post("/workflows/cancel", "{\"workflow_name\": \"placeOrder\", \"status\": [\"ENQUEUED\"], \"cancel_children\": true}");
      assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
      assertThat(cancelled.body()).isEqualTo("[\"a\"]");
      assertThat(db.status("a")).isEqualTo("CANCELLED");
      assertThat(db.status("b")).isEqualTo("ENQUEUED");

      HttpResponse<String> empty = admin.post("/workflows/cancel", "{}");
      assertThat(empty.statusCode()).isEqualTo(400);
      assertThat(empty.body()).contains("needs a filter");
      HttpResponse<String> unknown = admin.post("/workflows/cancel", "{\"status\": \"ENQUEUED\", \"children\": true}");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body()).contains("children");
      assertThat(db.status("b")).isEqualTo("ENQUEUED");
      assertThat(admin.get("/workflows/cancel").statusCode()).as("GET: the workflow whose ID is cancel").isEqualTo(404);
    }
  }

  /** The database's URL, with the system tables made by a DBOS that launched once. */
  private static String startedAndClosed(TestDatabase db) {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
    }
    return db.url();
  }

  private static void held(DBOSClient client, String id, String workflowName) throws Exception {
    client.enqueue(HELD, Orders.class.getName(), workflowName, StartOptions.id(id), "pear", 1);
  }

  private static Instant createdAt(TestDatabase db, String workflowId) throws Exception {
    return Instant.ofEpochMilli(
        Long.parseLong(db.value("SELECT created_at FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", workflowId)));
  }

  private static void awaitClockPast(long epochMillis) throws Exception {
    Await.until("the clock past " + epochMillis, () -> System.currentTimeMillis() > epochMillis, System::currentTimeMillis);
  }
}
