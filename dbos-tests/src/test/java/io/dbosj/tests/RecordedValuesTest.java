package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.StartOptions;
import io.dbosj.UnserializableValueException;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowState;
import io.dbosj.WorkflowStatus;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.fixtures.WriteOnly;
import io.dbosj.tests.fixtures.WriteOnlyDurable;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

/**
 * No recorded value fails silently: a value that cannot be read back fails the run that records
 * it, every workflow's output and error are visible as recorded, and a workflow no caller waits
 * on says at WARN why it ended ERROR.
 */
class RecordedValuesTest {
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    ((Logger) LoggerFactory.getLogger("io.dbosj")).addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    ((Logger) LoggerFactory.getLogger("io.dbosj")).detachAppender(logs);
  }

  private List<String> warningsAbout(String workflowId) {
    synchronized (logs.list) {
      return logs.list.stream()
          .filter(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("workflow " + workflowId + " "))
          .map(ILoggingEvent::getFormattedMessage)
          .toList();
    }
  }

  @BothDatabases
  void aStepResultThatCannotBeReadBackFailsTheFirstRunAtOnceAndNothingUnreadableIsRecorded(TestDatabase db)
      throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      WriteOnlyDurable shop = new WriteOnlyDurable(dbos, journal);
      dbos.launch();

      assertThatThrownBy(() -> shop.start(StartOptions.id("write-only")).checkout("r-1").getResult())
          .isInstanceOf(UnserializableValueException.class)
          .hasMessageContaining("the result of step")
          .hasMessageContaining("issue")
          .hasMessageContaining("cannot be read back as the declared type " + WriteOnly.Receipt.class.getName())
          .hasMessageContaining("Cannot construct instance")
          .hasMessageContaining("@JsonCreator");

      assertThat(journal.entries()).containsExactly("issue r-1");
      assertThat(db.status("write-only")).isEqualTo("ERROR");
      String stepRow = "FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = ? AND function_id = 0";
      assertThat(db.value("SELECT output " + stepRow, "write-only")).isNull();
      assertThat(db.value("SELECT error " + stepRow, "write-only")).contains("cannot be read back");

      WorkflowStatus status = dbos.retrieveWorkflow("write-only").getStatus();
      assertThat(status.output()).isNull();
      assertThat(status.error().className()).isEqualTo(UnserializableValueException.class.getName());
      assertThat(status.error().message()).contains("cannot be read back");
      // the caller got the exception: no WARN besides
      assertThat(warningsAbout("write-only")).isEmpty();
    }
  }

  @BothDatabases
  void aWorkflowResultOrArgumentThatCannotBeReadBackIsNeverRecorded(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      WriteOnlyDurable shop = new WriteOnlyDurable(dbos, journal);
      dbos.launch();

      assertThatThrownBy(() -> shop.start(StartOptions.id("result")).receipt("r-2").getResult())
          .isInstanceOf(UnserializableValueException.class)
          .hasMessageContaining("the result of workflow")
          .hasMessageContaining(WriteOnly.Receipt.class.getName());
      assertThat(db.status("result")).isEqualTo("ERROR");
      assertThat(db.value("SELECT output FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", "result"))
          .isNull();

      assertThatThrownBy(() -> shop.start(StartOptions.id("argument")).takes(WriteOnly.Receipt.of("r-3")))
          .isInstanceOf(UnserializableValueException.class)
          .hasMessageContaining("argument 'receipt'")
          .hasMessageContaining("takes");
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", "argument"))
          .isEqualTo("0");
      assertThat(journal.entries()).containsExactly("receipt r-2");
    }
  }

  @BothDatabases
  void aTransactionResultThatCannotBeReadBackRollsBackItsSqlAndRecordsTheError(TestDatabase db) throws Exception {
    db.createExampleTable();
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      WriteOnlyDurable shop = new WriteOnlyDurable(dbos, journal);
      dbos.launch();

      assertThatThrownBy(() -> shop.start(StartOptions.id("tx")).recordAndShip("r-4").getResult())
          .isInstanceOf(UnserializableValueException.class)
          .hasMessageContaining("the result of transaction")
          .hasMessageContaining("record")
          .hasMessageContaining(WriteOnly.Receipt.class.getName());

      assertThat(journal.entries()).containsExactly("record r-4");
      assertThat(db.value("SELECT COUNT(*) FROM example_table")).isEqualTo("0");
      String row = "FROM " + db.table("transaction_outputs") + " WHERE workflow_uuid = ?";
      assertThat(db.value("SELECT output " + row, "tx")).isNull();
      assertThat(db.value("SELECT error " + row, "tx")).contains("cannot be read back");
      assertThat(db.status("tx")).isEqualTo("ERROR");
    }
  }

  @BothDatabases
  void aWorkflowThatFailsDuringRecoveryLogsWhyOnceAndShowsItsErrorEverywhere(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      orders.start(StartOptions.id("unreadable")).gatedOrder("fig");
      journal.awaitBlocked();
    } // stopped inside a step, as by a crash: the workflow stays PENDING
    // step 0 (reserve) returned a String; its record now holds something else
    db.update(
        "UPDATE " + db.table("operation_outputs") + " SET output = ? WHERE workflow_uuid = ? AND function_id = 0",
        "{\"not\": \"a string\"}", "unreadable");

    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      new OrdersDurable(dbos, new Journal());
      dbos.launch(); // recovers it: no caller waits

      Await.until("the recovered workflow ends ERROR", () -> "ERROR".equals(db.status("unreadable")), () -> db.status("unreadable"));
      Await.until("its WARN line", () -> !warningsAbout("unreadable").isEmpty(), logs::toString);
      assertThat(warningsAbout("unreadable"))
          .singleElement()
          .satisfies(line -> assertThat(line)
              .contains("workflow unreadable (" + io.dbosj.tests.fixtures.Orders.class.getName() + ".gatedOrder) ended ERROR")
              .contains("step 0 (reserve)")
              .contains("{\"not\": \"a string\"}"));

      // a caller that asks afterwards gets the exception; the line is not repeated
      assertThatThrownBy(() -> dbos.retrieveWorkflow("unreadable").getResult()).hasMessageContaining("step 0 (reserve)");
      assertThat(warningsAbout("unreadable")).hasSize(1);

      WorkflowStatus status = dbos.retrieveWorkflow("unreadable").getStatus();
      assertThat(status.state()).isEqualTo(WorkflowState.ERROR);
      assertThat(status.error().message()).contains("step 0 (reserve)");
      assertThat(status.error().recorded()).contains("step 0 (reserve)");

      String admin = get(dbos, "/workflows/unreadable");
      assertThat(admin).contains("\"Status\":\"ERROR\"").contains("\"Error\":").contains("step 0 (reserve)");
    }
  }

  @BothDatabases
  void anOutputThatNoLongerReadsAsItsTypeIsShownAsRecordedNeverFailingAListing(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("fine")).placeOrder("apple", 1).getResult();
      orders.start(StartOptions.id("damaged")).placeOrder("pear", 2).getResult();
      db.update(
          "UPDATE " + db.table("workflow_status") + " SET output = ? WHERE workflow_uuid = ?", "{\"broken", "damaged");

      assertThat(dbos.retrieveWorkflow("fine").getStatus().output()).isEqualTo("\"reserved-apple/1/fine\"");
      assertThat(dbos.retrieveWorkflow("damaged").getStatus().output()).isEqualTo("{\"broken");
      assertThatThrownBy(() -> dbos.retrieveWorkflow("damaged", String.class).getResult()).isNotNull();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.listWorkflows(WorkflowFilter.all().newestFirst(false)).stream().map(WorkflowStatus::output))
            .containsExactly("\"reserved-apple/1/fine\"", "{\"broken");
      }
      assertThat(get(dbos, "/workflows/damaged")).contains("\"Output\":\"{\\\"broken\"");
      assertThat(post(dbos, "/workflows", "{}")).contains("\"Output\":\"{\\\"broken\"").contains("reserved-apple/1/fine");
    }
  }

  private static String get(DBOS dbos, String path) throws Exception {
    return send(dbos, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dbos.adminPort() + path)).GET());
  }

  private static String post(DBOS dbos, String path, String body) throws Exception {
    return send(
        dbos,
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dbos.adminPort() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String send(DBOS dbos, HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
