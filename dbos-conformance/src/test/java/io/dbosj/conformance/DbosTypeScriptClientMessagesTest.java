package io.dbosj.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.conformance.support.ConformanceDatabase;
import io.dbosj.conformance.support.ConformanceTools;
import io.dbosj.conformance.support.DbosTypeScript;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DBOS Transact TypeScript 5.3.0's {@code DBOSClient} ({@code node/talk-with-dbos-client.cjs})
 * talks to the {@link Mailbox} of a running io.dbosj app: its {@code send} reaches our workflows
 * waiting in {@code DBOS.recv}, its {@code getEvent} reads what they set (and waits for what they
 * set later), and its {@code readStream} reads their streams.
 */
@ExtendWith(ConformanceTools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DbosTypeScriptClientMessagesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PORTABLE = "portable";
  private static final String CLIENT_DEFAULT = null;

  private DbosTypeScript ts;
  private ConformanceDatabase db;
  private MailboxApp app;

  @BeforeAll
  void launchTheMailbox(DbosTypeScript ts, ConformanceDatabase db) {
    this.ts = ts;
    this.db = db;
    app = MailboxApp.launch(db);
  }

  @AfterAll
  void stopTheMailbox() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void sendsWithAndWithoutAnIdempotencyKeyReachOurWorkflowWaitingOnTheDefaultTopic() throws Exception {
    WorkflowHandle<String> inbox = app.mailbox.start(StartOptions.id("ts-to-default")).twoOnTheDefaultTopic();
    db.awaitOperations("ts-to-default", "DBOS.sleep", 1);

    JsonNode outcomes = talk(
        send("ts-to-default", "first", null, null, PORTABLE),
        send("ts-to-default", "second", null, "key-1", PORTABLE),
        send("ts-to-default", "second, sent again", null, "key-1", PORTABLE));

    assertThat(outcomes.toString()).isEqualTo("[{\"sent\":true},{\"sent\":true},{\"sent\":true}]");
    // two sends in one millisecond have no order in DBOS's created_at_epoch_ms
    assertThat(Arrays.asList(inbox.getResult().split(","))).containsExactlyInAnyOrder("first", "second");
    assertThat(db.rows("SELECT topic, message_uuid LIKE '%::%', consumed FROM dbos.notifications"
        + " WHERE destination_uuid = 'ts-to-default' ORDER BY message_uuid LIKE '%::%'"))
        .containsExactly(List.of("__null__topic__", "f", "t"), List.of("__null__topic__", "t", "t"));
    assertThat(db.value("SELECT message_uuid FROM dbos.notifications WHERE message_uuid LIKE 'key-1%'"))
        .isEqualTo("key-1::ts-to-default");
  }

  @Test
  void sendsOnANamedTopicReachOurWorkflowInThePortableFormatAndInTheClientsDefault() throws Exception {
    WorkflowHandle<String> order = app.mailbox.start(StartOptions.id("ts-to-orders")).order();
    db.awaitOperations("ts-to-orders", "DBOS.sleep", 1);

    assertThat(talk(send("ts-to-orders", Map.of("sku", "kiwi", "quantity", 3), "orders", null, PORTABLE)).toString())
        .isEqualTo("[{\"sent\":true}]");
    db.awaitOperations("ts-to-orders", "DBOS.sleep", 2);
    assertThat(talk(send("ts-to-orders", "gift wrap", "orders", null, CLIENT_DEFAULT)).toString())
        .isEqualTo("[{\"sent\":true}]");

    assertThat(order.getResult()).isEqualTo("3 x kiwi (gift wrap)");
    assertThat(db.rows("SELECT serialization FROM dbos.notifications WHERE destination_uuid = 'ts-to-orders'"
        + " ORDER BY created_at_epoch_ms")).containsExactly(List.of("portable_json"), List.of("js_superjson"));
  }

  @Test
  void aSendToAnIdWithNoWorkflowIsDbosTypeScriptsNonExistentWorkflowError() throws Exception {
    JsonNode outcome = talk(send("no-such-workflow", "hello", null, null, PORTABLE)).get(0);

    assertThat(outcome.get("error").get("message").asString()).contains("no-such-workflow");
    assertThat(db.value("SELECT count(*) FROM dbos.notifications WHERE destination_uuid = 'no-such-workflow'"))
        .isEqualTo("0");
  }

  @Test
  void getEventReadsOurEventsAndWaitsForOneSetLater() throws Exception {
    WorkflowHandle<String> approval = app.mailbox.start(StartOptions.id("ts-reads-events")).approval();
    db.awaitOperations("ts-reads-events", "DBOS.sleep", 1);

    JsonNode outcomes = talk(
        getEvent("ts-reads-events", "status", 10),
        getEvent("ts-reads-events", "receipt", 1),
        together(
            getEvent("ts-reads-events", "receipt", 30),
            send("ts-reads-events", "approved by ada", "go", null, PORTABLE)),
        getEvent("ts-reads-events", "status", 10));

    assertThat(outcomes.get(0).get("value").asString()).isEqualTo("waiting");
    assertThat(outcomes.get(1).get("value").isNull()).as("receipt before the workflow set it: %s", outcomes.get(1)).isTrue();
    assertThat(outcomes.get(2).get(0).get("value").toString()).isEqualTo("{\"sku\":\"fig\",\"quantity\":2}");
    assertThat(outcomes.get(3).get("value").asString()).isEqualTo("approved");
    assertThat(approval.getResult()).isEqualTo("approved by ada");
  }

  @Test
  void readStreamReadsOurStreamToItsCloseAndAnUnclosedOneToTheWorkflowsEnd() throws Exception {
    WorkflowHandle<String> progress = app.mailbox.start(StartOptions.id("ts-reads-stream")).progress();
    db.awaitOperations("ts-reads-stream", "DBOS.sleep", 1);

    JsonNode outcomes = talk(
        together(
            readStream("ts-reads-stream", "progress", 0),
            send("ts-reads-stream", "more please", "more", null, PORTABLE)),
        readStream("ts-reads-stream", "progress", 1),
        send("ts-reads-stream", "finished", "done", null, PORTABLE),
        readStream("ts-reads-stream", "log", 0));

    assertThat(outcomes.get(0).get(0).toString()).isEqualTo("{\"values\":[\"one\",\"two\",\"three\"]}");
    assertThat(outcomes.get(1).toString()).isEqualTo("{\"values\":[\"two\",\"three\"]}");
    assertThat(outcomes.get(3).toString()).isEqualTo("{\"values\":[\"x\",\"y\"]}");
    assertThat(progress.getResult()).isEqualTo("more please");
  }

  @Test
  void dbosCliListsOurRecvSleepSetEventAndStreamOperationsAsItsOwn() throws Exception {
    long started = System.currentTimeMillis();
    WorkflowHandle<String> approval = app.mailbox.start(StartOptions.id("cli-approval")).approval();
    db.awaitOperations("cli-approval", "DBOS.sleep", 1);
    app.dbos.sendMessage("cli-approval", "approved by bob", "go");
    WorkflowHandle<String> progress = app.mailbox.start(StartOptions.id("cli-progress")).progress();
    db.awaitOperations("cli-progress", "DBOS.sleep", 1);
    app.dbos.sendMessage("cli-progress", "more please", "more");
    app.dbos.sendMessage("cli-progress", "finished", "done");
    assertThat(approval.getResult()).isEqualTo("approved by bob");
    assertThat(progress.getResult()).isEqualTo("more please");

    JsonNode approvalSteps = ts.cli("workflow", "steps", "cli-approval", "-s", db.url()).json();
    JsonNode progressSteps = ts.cli("workflow", "steps", "cli-progress", "-s", db.url()).json();

    assertThat(names(approvalSteps)).containsExactly(
        "DBOS.setEvent", "DBOS.recv", "DBOS.sleep", "DBOS.setEvent", "DBOS.setEvent");
    assertThat(approvalSteps.get(1).get("output").asString()).isEqualTo("'approved by bob'");
    assertThat(Long.parseLong(approvalSteps.get(2).get("output").asString()))
        .as("the recv's deadline, epoch ms")
        .isBetween(started + Mailbox.WAIT.toMillis(), System.currentTimeMillis() + Mailbox.WAIT.toMillis());
    assertThat(names(progressSteps)).containsExactly(
        "DBOS.writeStream", "DBOS.writeStream", "DBOS.recv", "DBOS.sleep",
        "DBOS.writeStream", "DBOS.closeStream", "DBOS.writeStream", "DBOS.writeStream",
        "DBOS.recv"); // "done" was sent before: taken at once, with no deadline to record
  }

  @Test
  void dbosCliListsOurPatchMarkerAndWaitFirstChoiceAsItsOwn() throws Exception {
    String chosen = app.mailbox.start(StartOptions.id("cli-patched")).patchedRace().getResult();

    JsonNode steps = ts.cli("workflow", "steps", "cli-patched", "-s", db.url()).json();

    assertThat(names(steps)).containsExactly("DBOS.patch-faster-path", "echo", "echo", "DBOS.waitFirst");
    assertThat(chosen).isIn("cli-patched-a", "cli-patched-b");
    assertThat(steps.get(3).get("output").asString()).isEqualTo("'" + chosen + "'");
    assertThat(steps.get(1).get("childWorkflowID").asString()).isEqualTo("cli-patched-a");
  }

  private static List<String> names(JsonNode steps) {
    List<String> names = new java.util.ArrayList<>();
    steps.forEach(step -> names.add(step.get("name").asString()));
    return names;
  }

  /** Runs the steps with DBOS's client in node; their outcomes, one per step. */
  private JsonNode talk(Object... steps) throws Exception {
    return ts.script("talk-with-dbos-client.cjs", db.url(), JSON.writeValueAsString(List.of(steps))).json();
  }

  private static Map<String, Object> send(
      String destinationId, Object message, String topic, String idempotencyKey, String serialization) {
    Map<String, Object> send = new LinkedHashMap<>();
    send.put("destinationID", destinationId);
    send.put("message", message);
    send.put("topic", topic);
    send.put("idempotencyKey", idempotencyKey);
    send.put("serialization", serialization);
    return Map.of("send", send);
  }

  private static Map<String, Object> getEvent(String workflowId, String key, int timeoutSeconds) {
    return Map.of("getEvent", Map.of("workflowID", workflowId, "key", key, "timeoutSeconds", timeoutSeconds));
  }

  private static Map<String, Object> readStream(String workflowId, String key, int offset) {
    return Map.of("readStream", Map.of("workflowID", workflowId, "key", key, "offset", offset));
  }

  /** Steps started together, each without waiting for the one before. */
  private static List<Object> together(Object... steps) {
    return List.of(steps);
  }
}
