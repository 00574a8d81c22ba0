package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.tests.fixtures.Failures;
import io.dbosj.tests.fixtures.FailuresDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Orders;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.AdminHttp;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The admin server answers with the objects DBOS Java 1.1.0-m6's admin server answers with: the
 * same field names in the same order, {@code null} where there is no value, and the values DBOS
 * would give. The field lists are those of DBOS's own classes ({@code
 * conductor.protocol.WorkflowsOutput}, {@code admin.StepOutput}, {@code workflow.ErrorResult},
 * {@code workflow.Queue}), as its server writes them.
 */
class AdminApiShapesTest {
  static final List<String> WORKFLOW_FIELDS =
      List.of(
          "ApplicationVersion", "AssumedRole", "Attributes", "AuthenticatedRoles", "AuthenticatedUser",
          "CompletedAt", "CreatedAt", "DeduplicationID", "DelayUntilEpochMS", "DequeuedAt", "Error",
          "ExecutorID", "ForkedFrom", "Input", "Output", "ParentWorkflowID", "Priority", "QueueName",
          "QueuePartitionKey", "Request", "ScheduleName", "Status", "UpdatedAt", "WasForkedFrom",
          "WorkflowClassName", "WorkflowConfigName", "WorkflowDeadlineEpochMS", "WorkflowName",
          "WorkflowTimeoutMS", "WorkflowUUID");
  static final List<String> STEP_FIELDS =
      List.of("function_id", "function_name", "output", "error", "child_workflow_id");
  static final List<String> ERROR_RESULT_FIELDS =
      List.of("className", "message", "serializedError", "serialization", "throwable");

  static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.propertyNames().forEach(names::add);
    return names;
  }

  static List<String> ids(JsonNode workflows) {
    List<String> ids = new ArrayList<>();
    workflows.forEach(w -> ids.add(w.get("WorkflowUUID").asString()));
    return ids;
  }

  @BothDatabases
  void aWorkflowIsDbosWorkflowsOutputWithEveryFieldAndItsRecordedValues(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().appVersion("v1").adminServer(true).adminPort(0).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("done").timeout(Duration.ofMinutes(5))).placeOrder("fig", 4).getResult();
      AdminHttp admin = new AdminHttp(dbos);

      JsonNode w = admin.ok(admin.get("/workflows/done"));

      assertThat(fieldNames(w)).containsExactlyElementsOf(WORKFLOW_FIELDS);
      assertThat(w.get("WorkflowUUID").asString()).isEqualTo("done");
      assertThat(w.get("Status").asString()).isEqualTo("SUCCESS");
      assertThat(w.get("WorkflowName").asString()).isEqualTo("placeOrder");
      assertThat(w.get("WorkflowClassName").asString()).isEqualTo(Orders.class.getName());
      assertThat(w.get("WorkflowConfigName").isNull()).isTrue();
      assertThat(w.get("Input").asString()).isEqualTo("[\"fig\",4]");
      assertThat(w.get("Output").asString())
          .isEqualTo("\"reserved-fig/4/done\"")
          .isEqualTo(db.value("SELECT output FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'done'"));
      assertThat(w.get("Error").isNull()).isTrue();
      assertThat(w.get("CreatedAt").asString())
          .isEqualTo(db.value("SELECT created_at FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'done'"));
      assertThat(w.get("UpdatedAt").asString())
          .isEqualTo(db.value("SELECT updated_at FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'done'"));
      assertThat(w.get("ApplicationVersion").asString()).isEqualTo("v1");
      assertThat(w.get("ExecutorID").asString()).isEqualTo(dbos.executorId());
      assertThat(w.get("WorkflowTimeoutMS").asString()).isEqualTo("300000");
      assertThat(w.get("QueueName").isNull()).isTrue();
      assertThat(w.get("AuthenticatedUser").isNull()).isTrue();
      assertThat(w.get("CompletedAt").asString())
          .isEqualTo(db.value("SELECT completed_at FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'done'"));
      assertThat(w.get("DequeuedAt").asString())
          .isEqualTo(db.value("SELECT started_at_epoch_ms FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'done'"));
      assertThat(w.get("Priority").asString()).isEqualTo("0"); // as DBOS writes a workflow without one
      assertThat(w.get("WasForkedFrom").asBoolean()).isFalse();
      assertThat(w.get("ForkedFrom").isNull()).isTrue();
      assertThat(w.get("ParentWorkflowID").isNull()).isTrue();
      assertThat(w.get("DeduplicationID").isNull()).isTrue();
    }
  }

  @BothDatabases
  void aQueuedWorkflowShowsItsPriorityAndItsDeduplicationIdWhileItRuns(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      Queue queue = Queue.of("admin-shapes").priorityEnabled(true);
      dbos.register(queue);
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      var ranked = orders.start(StartOptions.id("ranked").queue(queue).priority(7).deduplicationId("once")).gatedOrder("fig");
      journal.awaitBlocked();
      AdminHttp admin = new AdminHttp(dbos);

      JsonNode running = admin.ok(admin.get("/workflows/ranked"));
      journal.open();
      ranked.getResult();
      JsonNode done = admin.ok(admin.get("/workflows/ranked"));

      assertThat(running.get("Priority").asString()).isEqualTo("7");
      assertThat(running.get("DeduplicationID").asString()).isEqualTo("once");
      assertThat(running.get("QueueName").asString()).isEqualTo("admin-shapes");
      assertThat(running.get("CompletedAt").isNull()).isTrue();
      assertThat(done.get("Priority").asString()).isEqualTo("7");
      assertThat(done.get("DeduplicationID").isNull()).isTrue(); // released at the end, as DBOS does
      assertThat(done.get("CompletedAt").isNull()).isFalse();
    }
  }


  @BothDatabases
  void inputsRecordedInDbosPortableFormShowAsTheirArgumentList(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("portable")).placeOrder("fig", 4).getResult();
      db.update(
          "UPDATE " + db.table("workflow_status") + " SET inputs = ? WHERE workflow_uuid = 'portable'",
          "{\"positionalArgs\":[\"fig\",4],\"namedArgs\":{}}");
      AdminHttp admin = new AdminHttp(dbos);

      assertThat(admin.ok(admin.get("/workflows/portable")).get("Input").asString()).isEqualTo("[\"fig\",4]");
    }
  }

  @BothDatabases
  void stepsAreDbosStepOutputWithTheRecordedJsonText(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("done")).placeOrder("fig", 4).getResult();
      AdminHttp admin = new AdminHttp(dbos);

      JsonNode steps = admin.ok(admin.get("/workflows/done/steps"));

      assertThat(steps).hasSize(3);
      for (JsonNode step : steps) {
        assertThat(fieldNames(step)).containsExactlyElementsOf(STEP_FIELDS);
        int id = step.get("function_id").asInt();
        assertThat(step.get("output").isNull() ? null : step.get("output").asString())
            .isEqualTo(db.value(
                "SELECT output FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = 'done' AND function_id = ?", id));
        assertThat(step.get("error").isNull()).isTrue();
        assertThat(step.get("child_workflow_id").isNull()).isTrue();
      }
      assertThat(steps.get(0).get("function_id").asInt()).isZero();
      assertThat(steps.get(0).get("function_name").asString()).isEqualTo("reserve");
      assertThat(steps.get(0).get("output").asString()).isEqualTo("\"reserved-fig\"");
      assertThat(steps.get(1).get("function_name").asString()).isEqualTo("charge");
      assertThat(steps.get(1).get("output").asString()).isEqualTo("4");
      assertThat(steps.get(2).get("function_name").asString()).isEqualTo("ship");
    }
  }

  @BothDatabases
  void aFailureIsClassColonMessageOnTheWorkflowAndAnErrorResultOnItsStep(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      FailuresDurable failures = new FailuresDurable(dbos, new Journal(), 0);
      dbos.launch();
      assertThatThrownBy(() -> failures.start(StartOptions.id("declined")).declined().getResult())
          .hasMessageContaining("card declined for 42");
      AdminHttp admin = new AdminHttp(dbos);

      JsonNode w = admin.ok(admin.get("/workflows/declined"));
      assertThat(w.get("Status").asString()).isEqualTo("ERROR");
      assertThat(w.get("Error").asString()).isEqualTo(Failures.PaymentDeclined.class.getName() + ": card declined for 42");
      assertThat(w.get("Output").isNull()).isTrue();

      JsonNode step = admin.ok(admin.get("/workflows/declined/steps")).get(0);
      assertThat(step.get("function_name").asString()).isEqualTo("decline");
      assertThat(step.get("output").isNull()).isTrue();
      JsonNode error = AdminHttp.parse(step.get("error").asString());
      assertThat(fieldNames(error)).containsExactlyElementsOf(ERROR_RESULT_FIELDS);
      assertThat(error.get("className").asString()).isEqualTo(Failures.PaymentDeclined.class.getName());
      assertThat(error.get("message").asString()).isEqualTo("card declined for 42");
      assertThat(error.get("serializedError").asString())
          .isEqualTo(db.value(
              "SELECT error FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = 'declined' AND function_id = 0"));
    }
  }

  @BothDatabases
  void queuesMetadataIsDbosQueueRecordForEachRegisteredQueue(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      dbos.register(
          Queue.of("mail").concurrency(3).workerConcurrency(2).rateLimit(10, Duration.ofMinutes(1)).priorityEnabled(true));
      new OrdersDurable(dbos, new Journal());
      dbos.launch();
      AdminHttp admin = new AdminHttp(dbos);

      assertThat(admin.get("/dbos-workflow-queues-metadata").body())
          .isEqualTo(
              "[{\"name\":\"_dbos_internal_queue\",\"concurrency\":null,\"workerConcurrency\":null,"
                  + "\"priorityEnabled\":false,\"partitioningEnabled\":false,\"rateLimit\":null,"
                  + "\"pollingInterval\":1.000000000},"
                  + "{\"name\":\"mail\",\"concurrency\":3,\"workerConcurrency\":2,"
                  + "\"priorityEnabled\":true,\"partitioningEnabled\":false,"
                  + "\"rateLimit\":{\"limit\":10,\"period\":60.000000000},\"pollingInterval\":1.000000000}]");
      assertThat(admin.get("/dbos-healthz").body()).isEqualTo("{\"status\":\"healthy\"}");
    }
  }

  @BothDatabases
  void listingTakesDbosRequestFields(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().appVersion("v1").adminServer(true).adminPort(0).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      FailuresDurable failures = new FailuresDurable(dbos, new Journal(), 0);
      dbos.launch();
      orders.start(StartOptions.id("a")).placeOrder("apple", 1).getResult();
      orders.start(StartOptions.id("b")).placeOrder("pear", 2).getResult();
      assertThatThrownBy(() -> failures.start(StartOptions.id("c")).declined().getResult()).isNotNull();
      AdminHttp admin = new AdminHttp(dbos);

      assertThat(ids(admin.ok(admin.post("/workflows", "{}")))).containsExactly("a", "b", "c"); // oldest first
      assertThat(ids(admin.ok(admin.post("/workflows", "{\"sort_desc\": true}")))).containsExactly("c", "b", "a");
      assertThat(ids(admin.ok(admin.post("/workflows", "{\"workflow_name\": \"placeOrder\"}")))).containsExactly("a", "b");
      assertThat(ids(admin.ok(admin.post("/workflows", "{\"workflow_name\": [\"declined\"]}")))).containsExactly("c");
      assertThat(ids(admin.ok(admin.post("/workflows", "{\"status\": \"ERROR\"}")))).containsExactly("c");
      assertThat(ids(admin.ok(admin.post("/workflows", "{\"status\": [\"SUCCESS\", \"ERROR\"], \"limit\": 1, \"offset\": 1}"))))
          .containsExactly("b");
      assertThat(ids(admin.ok(admin.post("/workflows", "{\"workflow_uuids\": [\"c\", \"a\"]}")))).containsExactly("a", "c");
      assertThat(ids(admin.ok(admin.post("/workflows", "{\"application_version\": [\"v1\"]}")))).hasSize(3);
      assertThat(ids(admin.ok(admin.post("/workflows", "{\"application_version\": \"v0\"}")))).isEmpty();
      assertThat(ids(admin.ok(admin.post("/workflows", "{\"start_time\": \"2999-01-01T00:00:00Z\"}")))).isEmpty();
      assertThat(ids(admin.ok(admin.post("/workflows", "{\"end_time\": \"2999-01-01T00:00:00Z\", \"authenticated_user\": []}"))))
          .hasSize(3);

      JsonNode bare = admin.ok(admin.post("/workflows", "{\"workflow_uuids\": [\"c\"], \"load_input\": false, \"load_output\": false}")).get(0);
      assertThat(fieldNames(bare)).containsExactlyElementsOf(WORKFLOW_FIELDS);
      assertThat(bare.get("Input").isNull()).isTrue();
      assertThat(bare.get("Output").isNull()).isTrue();
      assertThat(bare.get("Error").isNull()).isTrue();
      assertThat(bare.get("Status").asString()).isEqualTo("ERROR");
    }
  }

  @BothDatabases
  void queuesListsTheWorkflowsOnAQueueNotYetFinished(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      Queue mail = Queue.of("mail").concurrency(1);
      dbos.register(mail);
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      orders.start(StartOptions.id("direct")).placeOrder("fig", 1).getResult();
      var first = orders.start(StartOptions.id("first").queue(mail)).gatedOrder("plum");
      journal.awaitBlocked();
      var second = orders.start(StartOptions.id("second").queue(mail)).gatedOrder("pear");
      AdminHttp admin = new AdminHttp(dbos);

      JsonNode queued = admin.ok(admin.post("/queues", "{}"));
      assertThat(ids(queued)).containsExactly("first", "second");
      assertThat(queued.get(0).get("Status").asString()).isEqualTo("PENDING");
      assertThat(queued.get(1).get("Status").asString()).isEqualTo("ENQUEUED");
      assertThat(queued.get(1).get("QueueName").asString()).isEqualTo("mail");
      assertThat(queued.get(1).get("Input").asString()).isEqualTo("[\"pear\"]");
      assertThat(queued.get(1).get("Output").isNull()).isTrue();
      assertThat(fieldNames(queued.get(1))).containsExactlyElementsOf(WORKFLOW_FIELDS);

      assertThat(ids(admin.ok(admin.post("/queues", "{\"queue_name\": \"mail\", \"status\": \"ENQUEUED\"}"))))
          .containsExactly("second");
      assertThat(ids(admin.ok(admin.post("/queues", "{\"queue_name\": [\"mail\", \"other\"], \"sort_desc\": true, \"limit\": 1}"))))
          .containsExactly("second");
      assertThat(ids(admin.ok(admin.post("/queues", "{\"queue_name\": \"other\"}")))).isEmpty();
      assertThat(ids(admin.ok(admin.post("/queues", "{\"load_input\": false}")))).containsExactly("first", "second");

      journal.open();
      assertThat(first.getResult()).isEqualTo("reserved-plum/100");
      assertThat(second.getResult()).isEqualTo("reserved-pear/100");
      assertThat(ids(admin.ok(admin.post("/queues", "{}")))).isEmpty();
    }
  }
}
