package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.DbosException;
import io.dbosj.NoSuchWorkflowException;
import io.dbosj.StartOptions;
import io.dbosj.StepInfo;
import io.dbosj.WorkflowHandle;
import io.dbosj.WorkflowEventHistoryEntry;
import io.dbosj.WorkflowMessage;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.fixtures.TalkDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A workflow's events, their history and its unconsumed messages, read from rows written the way
 * DBOS TS 5.3 writes them ({@code portable_json}, its default {@code js_superjson}, {@code
 * __null__topic__}, consumed rows kept and marked), by a launched DBOS and by a client alike.
 */
class WorkflowCommunicationsTest {

  @BothDatabases
  void eventsShowEachKeysLatestValueAndHistoryEveryValueByFunctionId(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("approval")).placeOrder("fig", 1).getResult();
      setEvent(db, "approval", 3, "status", "\"waiting\"", "portable_json");
      setEvent(db, "approval", 4, "progress", "{\"json\":{\"done\":1,\"of\":3},\"__dbos_serializer\":\"superjson\"}", "js_superjson");
      setEvent(db, "approval", 5, "status", "\"approved\"", "portable_json");

      Map<String, Object> events = dbos.getAllEvents("approval");
      List<WorkflowEventHistoryEntry> history = dbos.listEventHistory("approval");

      assertThat(events).containsExactly(Map.entry("progress", Map.of("done", 1, "of", 3)), Map.entry("status", "approved"));
      assertThat(history)
          .extracting(WorkflowEventHistoryEntry::functionId, WorkflowEventHistoryEntry::key, WorkflowEventHistoryEntry::value)
          .containsExactly(
              tuple(3, "status", "waiting"), tuple(4, "progress", Map.of("done", 1, "of", 3)), tuple(5, "status", "approved"));
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.getAllEvents("approval")).isEqualTo(events);
        assertThat(client.listEventHistory("approval")).isEqualTo(history);
      }
    }
  }

  @BothDatabases
  void pendingMessagesAreTheUnconsumedOnesOldestFirstWithTheDefaultTopicAsNull(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("inbox")).placeOrder("fig", 1).getResult();
      send(db, "m-late", "inbox", "approvals", "{\"by\":\"ada\"}", 3_000, false);
      send(db, "m-early", "inbox", "__null__topic__", "\"hello\"", 1_000, false);
      send(db, "m-taken", "inbox", "approvals", "\"first\"", 500, true);
      send(db, "key-1::inbox", "inbox", "approvals", "42", 2_000, false);

      List<WorkflowMessage> pending = dbos.listPendingMessages("inbox");

      assertThat(pending)
          .extracting(WorkflowMessage::messageId, WorkflowMessage::topic, WorkflowMessage::message, WorkflowMessage::createdAt)
          .containsExactly(
              tuple("m-early", null, "hello", Instant.ofEpochMilli(1_000)),
              tuple("key-1::inbox", "approvals", 42, Instant.ofEpochMilli(2_000)),
              tuple("m-late", "approvals", Map.of("by", "ada"), Instant.ofEpochMilli(3_000)));
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.listPendingMessages("inbox")).isEqualTo(pending);
      }
    }
  }

  @BothDatabases
  void whatDbosSendAndSetEventWroteIsShownAndWhatRecvConsumedIsNot(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      TalkDurable talk = new TalkDurable(dbos);
      dbos.launch();
      WorkflowHandle<List<String>> receiver = talk.start(StartOptions.id("receiver")).receive(2, 20_000);
      assertThat(dbos.getWorkflowEvent("receiver", "status", Duration.ofSeconds(10), String.class)).contains("waiting");
      dbos.sendMessage("receiver", Map.of("n", 1), "elsewhere", "key-1");
      dbos.sendMessage("receiver", "no topic", null);
      talk.start(StartOptions.id("sender")).sendAll("receiver", List.of("a", "b")).getResult();
      assertThat(receiver.getResult()).containsExactly("a", "b");

      List<Integer> setEventSteps =
          dbos.listWorkflowSteps("receiver").stream()
              .filter(step -> step.name().equals("DBOS.setEvent"))
              .map(StepInfo::functionId)
              .toList();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.getAllEvents("receiver")).containsExactly(Map.entry("status", "done"));
        assertThat(client.listEventHistory("receiver"))
            .extracting(WorkflowEventHistoryEntry::functionId, WorkflowEventHistoryEntry::key, WorkflowEventHistoryEntry::value)
            .containsExactly(tuple(setEventSteps.get(0), "status", "waiting"), tuple(setEventSteps.get(1), "status", "done"));
        // sent within one millisecond, the two may list in either order
        assertThat(client.listPendingMessages("receiver"))
            .extracting(WorkflowMessage::topic, WorkflowMessage::message)
            .containsExactlyInAnyOrder(tuple("elsewhere", Map.of("n", 1)), tuple(null, "no topic"));
        assertThat(client.listPendingMessages("receiver")).extracting(WorkflowMessage::messageId).contains("key-1::receiver");
        assertThat(client.listPendingMessages("sender")).isEmpty();
      }
    }
  }

  @BothDatabases
  void streamsListEachKeysValuesInOrderWithoutTheClosingValue(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      TalkDurable talk = new TalkDurable(dbos);
      dbos.launch();
      talk.start(StartOptions.id("writer")).stream(3).getResult();
      // as DBOS TS writes with its default serializer, still open
      db.update(
          "INSERT INTO " + db.table("streams") + " (workflow_uuid, key, value, \"offset\", function_id, serialization)"
              + " VALUES ('writer', 'log', '{\"json\":\"started\",\"__dbos_serializer\":\"superjson\"}', 0, 9, 'js_superjson')");

      Map<String, List<Object>> streams = dbos.getAllStreamEntries("writer");

      assertThat(streams).containsExactly(Map.entry("log", List.of("started")), Map.entry("numbers", List.of(0, 1, 2)));
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.getAllStreamEntries("writer")).isEqualTo(streams);
      }
      assertThat(dbos.getAllStreamEntries("writer").get("numbers"))
          .as("the closing value is a row of its own")
          .hasSize(Integer.parseInt(db.value("SELECT count(*) FROM " + db.table("streams") + " WHERE key = 'numbers'")) - 1);
    }
  }

  @BothDatabases
  void aWorkflowThatSetNothingAndWasSentNothingHasNoneOfEither(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("quiet")).placeOrder("fig", 1).getResult();

      assertThat(dbos.getAllEvents("quiet")).isEmpty();
      assertThat(dbos.listEventHistory("quiet")).isEmpty();
      assertThat(dbos.listPendingMessages("quiet")).isEmpty();
      assertThat(dbos.getAllStreamEntries("quiet")).isEmpty();
    }
  }

  @BothDatabases
  void anUnknownWorkflowIsAnErrorNamingItsId(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
      assertThatThrownBy(() -> dbos.getAllEvents("nope")).isInstanceOf(NoSuchWorkflowException.class).hasMessageContaining("'nope'");
      assertThatThrownBy(() -> dbos.listEventHistory("nope")).isInstanceOf(NoSuchWorkflowException.class).hasMessageContaining("'nope'");
      assertThatThrownBy(() -> dbos.listPendingMessages("nope")).isInstanceOf(NoSuchWorkflowException.class).hasMessageContaining("'nope'");
      assertThatThrownBy(() -> dbos.getAllStreamEntries("nope")).isInstanceOf(NoSuchWorkflowException.class).hasMessageContaining("'nope'");
    }
  }

  @BothDatabases
  void aValueThatIsNotJsonIsAnErrorNamingTheWorkflowAndKey(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("garbled")).placeOrder("fig", 1).getResult();
      setEvent(db, "garbled", 3, "status", "{not json", "portable_json");
      send(db, "m-bad", "garbled", "t", "{not json", 1_000, false);

      assertThatThrownBy(() -> dbos.getAllEvents("garbled"))
          .isInstanceOf(DbosException.class)
          .hasMessageContaining("event 'status'")
          .hasMessageContaining("workflow garbled")
          .hasMessageContaining("portable_json");
      assertThatThrownBy(() -> dbos.listPendingMessages("garbled"))
          .isInstanceOf(DbosException.class)
          .hasMessageContaining("message m-bad")
          .hasMessageContaining("workflow garbled");
    }
  }

  @BothDatabases
  void managementBeforeLaunchSaysToLaunch(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      assertThatThrownBy(() -> dbos.getAllEvents("x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("launch()");
    }
  }

  /** What DBOS TS's setEvent writes: the current value, and a history row by its function ID. */
  static void setEvent(TestDatabase db, String workflowId, int functionId, String key, String value, String serialization)
      throws Exception {
    db.update("DELETE FROM " + db.table("workflow_events") + " WHERE workflow_uuid = ? AND key = ?", workflowId, key);
    db.update(
        "INSERT INTO " + db.table("workflow_events") + " (workflow_uuid, key, value, serialization) VALUES (?, ?, ?, ?)",
        workflowId, key, value, serialization);
    db.update(
        "INSERT INTO " + db.table("workflow_events_history")
            + " (workflow_uuid, function_id, key, value, serialization) VALUES (?, ?, ?, ?, ?)",
        workflowId, functionId, key, value, serialization);
  }

  /** What DBOS TS's send writes, and its recv leaves: the row, marked consumed once received. */
  static void send(
      TestDatabase db, String messageId, String destination, String topic, String message, long createdAt, boolean consumed)
      throws Exception {
    db.update(
        "INSERT INTO " + db.table("notifications")
            + " (message_uuid, destination_uuid, topic, message, created_at_epoch_ms, serialization, consumed)"
            + " VALUES (?, ?, ?, ?, ?, 'portable_json', ?)",
        messageId, destination, topic, message, createdAt, consumed);
  }
}
