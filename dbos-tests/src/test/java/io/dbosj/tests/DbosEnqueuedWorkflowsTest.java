package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.tests.fixtures.Failures;
import io.dbosj.tests.fixtures.FailuresDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Orders;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.util.List;

/**
 * Workflows DBOS's SDKs enqueue for us, their rows inserted exactly as those SDKs write them
 * (the columns this schema shares with theirs): they run here, and record a {@code portable_json}
 * result DBOS's readers decode; inputs that do not fit the declared types end the workflow in
 * {@code ERROR}, saying why.
 */
class DbosEnqueuedWorkflowsTest {
  private static final String ORDERS = Orders.class.getName();
  private static final String FAILURES = Failures.class.getName();

  @BothDatabases
  void aWorkflowDbosTypeScriptEnqueuedRunsAndRecordsAPortableResult(TestDatabase db) throws Exception {
    try (DBOS dbos = launched(db)) {
      // the inputs as DBOS TS 5.3's dbos.enqueue_workflow(...) writes them (PostgreSQL's json_build_object)
      enqueue(db, "ts-1", "placeOrder", "{\"positionalArgs\" : [\"melon\",12], \"namedArgs\" : {}}", "portable_json");

      awaitEnded(db, "ts-1");
      assertThat(db.status("ts-1")).isEqualTo("SUCCESS");
      assertThat(column(db, "output", "ts-1")).isEqualTo("\"reserved-melon/12/ts-1\"");
      assertThat(column(db, "serialization", "ts-1")).isEqualTo("portable_json");
      assertThat(stepSerializations(db, "ts-1")).containsOnly("portable_json").hasSize(3);
      assertThat(dbos.<String>retrieveWorkflow("ts-1").getResult()).isEqualTo("reserved-melon/12/ts-1");
    }
  }

  @BothDatabases
  void aWorkflowDbosTypeScriptEnqueuedThatFailsRecordsAPortableErrorDbosReadersUnderstand(TestDatabase db)
      throws Exception {
    try (DBOS dbos = launched(db)) {
      enqueue(db, "ts-declined", FAILURES, "declined", "{\"positionalArgs\" : [], \"namedArgs\" : {}}", "portable_json");

      awaitEnded(db, "ts-declined");
      assertThat(db.status("ts-declined")).isEqualTo("ERROR");
      assertThat(column(db, "error", "ts-declined"))
          .startsWith(
              "{\"name\":\"PaymentDeclined\",\"message\":\"card declined for 42\",\"code\":null,\"data\":null,"
                  + "\"className\":\"" + Failures.PaymentDeclined.class.getName() + "\",\"stack\":[{");
      assertThat(column(db, "serialization", "ts-declined")).isEqualTo("portable_json");
      assertThat(dbos.retrieveWorkflow("ts-declined").getStatus().error().className())
          .isEqualTo(Failures.PaymentDeclined.class.getName());
    }
  }

  @BothDatabases
  void aWorkflowDbosJavaEnqueuedInJavaJacksonRunsAndItsRowBecomesPortable(TestDatabase db) throws Exception {
    try (DBOS dbos = launched(db)) {
      // as DBOS Java 1.1.0-m6's DBOSClient.enqueueWorkflow writes (List<Line>, Optional<String>)
      String inputs =
          "[\"[Ljava.lang.Object;\",[[\"java.util.ImmutableCollections$List12\",[{\"@class\":"
              + "\"io.dbosj.tests.fixtures.Orders$Line\",\"sku\":\"melon\",\"quantity\":2},{\"@class\":"
              + "\"io.dbosj.tests.fixtures.Orders$Line\",\"sku\":\"fig\",\"quantity\":1}]],\"gift\"]]";
      enqueue(db, "java-1", "lines", inputs, "java_jackson");

      awaitEnded(db, "java-1");
      assertThat(db.status("java-1")).isEqualTo("SUCCESS");
      assertThat(column(db, "output", "java-1"))
          .isEqualTo("[{\"sku\":\"melongift\",\"quantity\":4},{\"sku\":\"figgift\",\"quantity\":2}]");
      assertThat(column(db, "serialization", "java-1")).isEqualTo("portable_json");
      assertThat(column(db, "inputs", "java-1"))
          .isEqualTo("{\"positionalArgs\":[[{\"sku\":\"melon\",\"quantity\":2},{\"sku\":\"fig\",\"quantity\":1}],\"gift\"]}");
      assertThat(dbos.<List<Orders.Line>>retrieveWorkflow("java-1").getResult())
          .containsExactly(new Orders.Line("melongift", 4), new Orders.Line("figgift", 2));
    }
  }

  @BothDatabases
  void javaJacksonInputsThatDoNotFitTheDeclaredTypesEndTheWorkflowInErrorSayingWhy(TestDatabase db) throws Exception {
    try (DBOS dbos = launched(db)) {
      // placeOrder(String, int) enqueued with a Line where the String goes
      String inputs =
          "[\"[Ljava.lang.Object;\",[{\"@class\":\"io.dbosj.tests.fixtures.Orders$Line\",\"sku\":\"melon\",\"quantity\":2},12]]";
      enqueue(db, "java-bad", "placeOrder", inputs, "java_jackson");
      enqueue(db, "java-good", "placeOrder", "[\"[Ljava.lang.Object;\",[\"fig\",3]]", "java_jackson");

      awaitEnded(db, "java-bad");
      awaitEnded(db, "java-good");
      assertThat(db.status("java-good")).isEqualTo("SUCCESS");
      assertThat(db.status("java-bad")).isEqualTo("ERROR");
      assertThat(column(db, "error", "java-bad"))
          .contains("\"name\":\"DbosException\"")
          .contains("workflow java-bad dequeued from queue 'dbos-java' cannot run")
          .contains("argument 'sku' of placeOrder (declared java.lang.String) cannot be read from its recorded"
              + " inputs (serialization 'java_jackson')");
      assertThat(column(db, "inputs", "java-bad")).as("nothing else lost").isEqualTo(inputs);
      assertThat(column(db, "serialization", "java-bad")).isEqualTo("java_jackson");
      assertThat(dbos.retrieveWorkflow("java-bad").getStatus().error().message()).contains("cannot run");
    }
  }

  private static DBOS launched(TestDatabase db) {
    DBOS dbos = db.builder().build();
    dbos.register(Queue.of("dbos-java"));
    dbos.register(Queue.of("dbos-ts"));
    new OrdersDurable(dbos, new Journal());
    new FailuresDurable(dbos, new Journal(), 0);
    dbos.launch();
    return dbos;
  }

  /** An {@code ENQUEUED} row as DBOS's enqueue writes it: no executor, no app version, its own serialization. */
  private static void enqueue(TestDatabase db, String id, String name, String inputs, String serialization)
      throws Exception {
    enqueue(db, id, ORDERS, name, inputs, serialization);
  }

  private static void enqueue(
      TestDatabase db, String id, String className, String name, String inputs, String serialization)
      throws Exception {
    long now = System.currentTimeMillis();
    String queue = serialization.equals("java_jackson") ? "dbos-java" : "dbos-ts";
    db.update(
        "INSERT INTO " + db.table("workflow_status")
            + " (workflow_uuid, status, name, class_name, config_name, queue_name, inputs, created_at, updated_at,"
            + " recovery_attempts, priority, serialization)"
            + " VALUES (?, 'ENQUEUED', ?, ?, NULL, ?, ?, ?, ?, 0, 0, ?)",
        id, name, className, queue, inputs, now, now, serialization);
  }

  private static void awaitEnded(TestDatabase db, String id) throws Exception {
    Await.until(
        "workflow " + id + " ends",
        () -> List.of("SUCCESS", "ERROR").contains(db.status(id)),
        () -> db.status(id));
  }

  private static String column(TestDatabase db, String column, String id) throws Exception {
    return db.value("SELECT " + column + " FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", id);
  }

  private static List<String> stepSerializations(TestDatabase db, String id) throws Exception {
    return db.rows("SELECT serialization FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = ?", id)
        .stream()
        .map(row -> row.get(0))
        .toList();
  }
}
