package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.StartOptions;
import io.dbosj.UnreadableRow;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowStatus;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** A row that cannot be read is reported and skipped, never fails a listing nor blames the caller. */
class BadRowsTest {

  private static void recordTwoOrdersAndBreakOne(TestDatabase db, DBOS dbos) throws Exception {
    OrdersDurable orders = new OrdersDurable(dbos, new Journal());
    dbos.launch();
    orders.start(StartOptions.id("good")).placeOrder("apple", 1).getResult();
    orders.start(StartOptions.id("bad")).placeOrder("pear", 2).getResult();
    db.update("UPDATE " + db.table("workflow_status") + " SET status = 'EXPLODED' WHERE workflow_uuid = ?", "bad");
  }

  @BothDatabases
  void aRowWithAnUnknownStatusIsSkippedAndReportedInListings(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      recordTwoOrdersAndBreakOne(db, dbos);

      assertThat(dbos.listWorkflows(WorkflowFilter.all()).stream().map(WorkflowStatus::workflowId))
          .containsExactly("good");
      List<UnreadableRow> reported = new ArrayList<>();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.listWorkflows(WorkflowFilter.all(), reported::add).stream().map(WorkflowStatus::workflowId))
            .containsExactly("good");
      }
      assertThat(reported)
          .singleElement()
          .satisfies(row -> {
            assertThat(row.table()).isEqualTo("workflow_status");
            assertThat(row.rowKey()).isEqualTo("bad");
            assertThat(row.column()).isEqualTo("status");
            assertThat(row.found()).isEqualTo("EXPLODED");
            assertThat(row.toString()).contains("'bad'", "status", "'EXPLODED'");
          });
    }
  }

  @BothDatabases
  void theAdminServerListsTheReadableRowsAndBlamesNoClientForTheBadOne(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      recordTwoOrdersAndBreakOne(db, dbos);
      HttpClient http = HttpClient.newHttpClient();
      URI base = URI.create("http://127.0.0.1:" + dbos.adminPort());

      HttpResponse<String> list =
          http.send(
              HttpRequest.newBuilder(base.resolve("/workflows"))
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .header("Content-Type", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> one =
          http.send(HttpRequest.newBuilder(base.resolve("/workflows/bad")).GET().build(), HttpResponse.BodyHandlers.ofString());

      assertThat(list.statusCode()).isEqualTo(200);
      assertThat(list.body()).contains("good").doesNotContain("\"bad\"");
      assertThat(one.statusCode()).isEqualTo(500);
      assertThat(one.body()).contains("EXPLODED", "status");
    }
  }

  @BothDatabases
  void aCorruptStepOutputFailsTheWorkflowNamingTheStepAndTheRecord(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      orders.start(StartOptions.id("corrupt")).gatedOrder("fig");
      journal.awaitBlocked();
    }
    // step 0 (reserve) returned a String; make its record something that is not one
    db.update(
        "UPDATE " + db.table("operation_outputs") + " SET output = ? WHERE workflow_uuid = ? AND function_id = 0",
        "{\"not\": \"a string\"}", "corrupt");
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();

      assertThatThrownBy(() -> dbos.retrieveWorkflow("corrupt", String.class).getResult())
          .hasMessageContaining("workflow corrupt")
          .hasMessageContaining("step 0 (reserve)")
          .hasMessageContaining("operation_outputs")
          .hasMessageContaining("{\"not\": \"a string\"}");
      assertThat(orders).isNotNull();
    }
  }
}
