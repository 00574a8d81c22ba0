package io.dbosj.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbos.transact.DBOSClient;
import dev.dbos.transact.DBOSClient.SendOptions;
import dev.dbos.transact.exceptions.DBOSNonExistentWorkflowException;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.conformance.support.ConformanceDatabase;
import io.dbosj.conformance.support.ConformanceTools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DBOS Transact Java 1.1.0-m6's {@code DBOSClient} (in this JVM) talks to the {@link Mailbox} of a
 * running io.dbosj app: its {@code send}, in the portable format and in DBOS Java's own, reaches our
 * workflows waiting in {@code DBOS.recv}; its {@code getEvent} and {@code readStream} read what
 * they set and wrote.
 */
@ExtendWith(ConformanceTools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DbosJavaClientMessagesTest {
  private static final long WAIT_SECONDS = 60;

  private ConformanceDatabase db;
  private MailboxApp app;
  private DBOSClient client;

  @BeforeAll
  void launchTheMailbox(ConformanceDatabase db) {
    this.db = db;
    app = MailboxApp.launch(db);
    client = new DBOSClient(db.jdbcUrl(), db.user(), db.password());
  }

  @AfterAll
  void stopTheMailbox() {
    if (client != null) {
      client.close();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void sendsWithAndWithoutAnIdempotencyKeyReachOurWorkflowWaitingOnTheDefaultTopic() throws Exception {
    WorkflowHandle<String> inbox = app.mailbox.start(StartOptions.id("java-to-default")).twoOnTheDefaultTopic();
    db.awaitOperations("java-to-default", "DBOS.sleep", 1);

    client.send("java-to-default", "first", null, null, SendOptions.portable());
    client.send("java-to-default", "second", null, "java-key", SendOptions.portable());
    client.send("java-to-default", "second, sent again", null, "java-key", SendOptions.portable());

    // two sends in one millisecond have no order in DBOS's created_at_epoch_ms
    assertThat(Arrays.asList(inbox.getResult().split(","))).containsExactlyInAnyOrder("first", "second");
    assertThat(db.rows("SELECT topic, consumed FROM dbos.notifications WHERE destination_uuid = 'java-to-default'"))
        .containsExactly(List.of("__null__topic__", "t"), List.of("__null__topic__", "t"));
    assertThat(db.value("SELECT message_uuid FROM dbos.notifications WHERE message_uuid LIKE 'java-key%'"))
        .isEqualTo("java-key::java-to-default");
  }

  @Test
  void sendsOnANamedTopicReachOurWorkflowInThePortableFormatAndInDbosJavasOwn() throws Exception {
    WorkflowHandle<String> order = app.mailbox.start(StartOptions.id("java-to-orders")).order();
    db.awaitOperations("java-to-orders", "DBOS.sleep", 1);

    client.send("java-to-orders", new Receipt("kiwi", 3), "orders", null, SendOptions.portable());
    db.awaitOperations("java-to-orders", "DBOS.sleep", 2);
    client.send("java-to-orders", "gift wrap", "orders", null);

    assertThat(order.getResult()).isEqualTo("3 x kiwi (gift wrap)");
    assertThat(db.rows("SELECT serialization FROM dbos.notifications WHERE destination_uuid = 'java-to-orders'"
        + " ORDER BY created_at_epoch_ms")).containsExactly(List.of("portable_json"), List.of("java_jackson"));
  }

  @Test
  void aSendToAnIdWithNoWorkflowIsDbosJavasNonExistentWorkflowException() throws Exception {
    assertThatThrownBy(() -> client.send("no-such-workflow", "hello", null, null, SendOptions.portable()))
        .isInstanceOf(DBOSNonExistentWorkflowException.class);
    assertThat(db.value("SELECT count(*) FROM dbos.notifications WHERE destination_uuid = 'no-such-workflow'"))
        .isEqualTo("0");
  }

  @Test
  void getEventReadsOurEventsAndWaitsForOneSetLater() throws Exception {
    WorkflowHandle<String> approval = app.mailbox.start(StartOptions.id("java-reads-events")).approval();
    db.awaitOperations("java-reads-events", "DBOS.sleep", 1);

    assertThat(client.getEvent("java-reads-events", "status", Duration.ofSeconds(10))).contains("waiting");
    assertThat(client.getEvent("java-reads-events", "receipt", Duration.ofMillis(200))).isEmpty();
    CompletableFuture<Optional<Object>> receipt = CompletableFuture.supplyAsync(
        () -> client.getEvent("java-reads-events", "receipt", Duration.ofSeconds(WAIT_SECONDS)));

    client.send("java-reads-events", "approved by ada", "go", null, SendOptions.portable());

    assertThat(receipt.get(WAIT_SECONDS, TimeUnit.SECONDS)).contains(Map.of("sku", "fig", "quantity", 2));
    assertThat(approval.getResult()).isEqualTo("approved by ada");
    assertThat(client.getEvent("java-reads-events", "status", Duration.ofSeconds(10))).contains("approved");
  }

  @Test
  void readStreamReadsOurStreamToItsCloseAndAnUnclosedOneToTheWorkflowsEnd() throws Exception {
    WorkflowHandle<String> progress = app.mailbox.start(StartOptions.id("java-reads-stream")).progress();
    db.awaitOperations("java-reads-stream", "DBOS.sleep", 1);
    CompletableFuture<List<Object>> values = CompletableFuture.supplyAsync(
        () -> readAll(client.readStream("java-reads-stream", "progress")));

    client.send("java-reads-stream", "more please", "more", null, SendOptions.portable());

    assertThat(values.get(WAIT_SECONDS, TimeUnit.SECONDS)).containsExactly("one", "two", "three");
    client.send("java-reads-stream", "finished", "done", null, SendOptions.portable());
    assertThat(progress.getResult()).isEqualTo("more please");
    assertThat(readAll(client.readStream("java-reads-stream", "log"))).containsExactly("x", "y");
  }

  private static List<Object> readAll(Iterator<Object> stream) {
    List<Object> values = new ArrayList<>();
    stream.forEachRemaining(values::add);
    return values;
  }
}
