package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Orders;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;

/**
 * Rows the first version of io.dbosj wrote, in its own {@code json} format (inputs a JSON array,
 * errors {@code {className, message, stack}}), stay readable: they are not rewritten, and a
 * workflow left {@code PENDING} in them is recovered from its recorded steps.
 */
class EarlierRowsTest {
  private static final String STACK =
      "[{\"declaringClass\":\"io.dbosj.tests.fixtures.Orders\",\"methodName\":\"reserve\",\"fileName\":\"Orders.java\",\"lineNumber\":25}]";

  @BothDatabases
  void aPendingWorkflowRecordedInJsonIsRecoveredFromItsRecordedSteps(TestDatabase db) throws Exception {
    initialize(db);
    pending(db, "v1-order", "[\"apple\",250]");
    step(db, "v1-order", 0, "reserve", "\"reserved-apple\"", null);

    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      new OrdersDurable(dbos, journal);
      dbos.launch();

      assertThat(dbos.<String>retrieveWorkflow("v1-order").getResult()).isEqualTo("reserved-apple/250/v1-order");
    }
    assertThat(journal.entries()).as("the recorded step is replayed").containsExactly("charge 250", "ship");
    assertThat(db.status("v1-order")).isEqualTo("SUCCESS");
    assertThat(db.value("SELECT serialization FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'v1-order'"))
        .as("not rewritten")
        .isEqualTo("json");
  }

  @BothDatabases
  void aForkOfAWorkflowRecordedInJsonKeepsItsFormatAndRuns(TestDatabase db) throws Exception {
    initialize(db);
    pending(db, "v1-done", "[\"fig\",7]");
    db.update("UPDATE " + db.table("workflow_status") + " SET status = 'SUCCESS', output = ? WHERE workflow_uuid = ?",
        "\"reserved-fig/7/v1-done\"", "v1-done");
    step(db, "v1-done", 0, "reserve", "\"reserved-fig\"", null);

    try (DBOS dbos = db.builder().build()) {
      new OrdersDurable(dbos, new Journal());
      dbos.launch();

      assertThat(dbos.<String>forkWorkflow("v1-done", 1, io.dbosj.StartOptions.id("v1-fork")).getResult())
          .isEqualTo("reserved-fig/7/v1-fork");
    }
    assertThat(db.rows("SELECT inputs, serialization FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", "v1-fork"))
        .containsExactly(java.util.List.of("[\"fig\",7]", "json"));
    assertThat(db.value("SELECT serialization FROM " + db.table("operation_outputs")
            + " WHERE workflow_uuid = 'v1-fork' AND function_id = 0"))
        .as("the copied step keeps its own")
        .isEqualTo("json");
  }

  @BothDatabases
  void anErrorRecordedInJsonIsRethrownAsItsOwnType(TestDatabase db) throws Exception {
    initialize(db);
    pending(db, "v1-refused", "[\"pear\",3]");
    step(db, "v1-refused", 0, "reserve", null,
        "{\"className\":\"java.lang.IllegalStateException\",\"message\":\"out of stock\",\"stack\":" + STACK + "}");

    try (DBOS dbos = db.builder().build()) {
      new OrdersDurable(dbos, new Journal());
      dbos.launch();

      assertThatThrownBy(() -> dbos.retrieveWorkflow("v1-refused").getResult())
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessage("out of stock");
    }
    assertThat(db.status("v1-refused")).isEqualTo("ERROR");
  }

  private static void initialize(TestDatabase db) {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
    }
  }

  private static void pending(TestDatabase db, String id, String inputs) throws Exception {
    long now = System.currentTimeMillis();
    db.update(
        "INSERT INTO " + db.table("workflow_status")
            + " (workflow_uuid, status, name, class_name, config_name, inputs, executor_id, created_at, updated_at,"
            + " recovery_attempts, serialization)"
            + " VALUES (?, 'PENDING', 'placeOrder', ?, '', ?, 'local', ?, ?, 1, 'json')",
        id, Orders.class.getName(), inputs, now, now);
  }

  private static void step(TestDatabase db, String id, int functionId, String name, String output, String error)
      throws Exception {
    long now = System.currentTimeMillis();
    db.update(
        "INSERT INTO " + db.table("operation_outputs")
            + " (workflow_uuid, function_id, function_name, output, error, started_at_epoch_ms, completed_at_epoch_ms,"
            + " serialization) VALUES (?, ?, ?, ?, ?, ?, ?, 'json')",
        id, functionId, name, output, error, now, now);
  }
}
