package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.NoSuchWorkflowException;
import io.dbosj.StartOptions;
import io.dbosj.tests.fixtures.AnnouncerDurable;
import io.dbosj.tests.fixtures.BroadcasterDurable;
import io.dbosj.tests.fixtures.InboxDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.Notifications;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrong calls of messages, events and streams: each a clear error naming what was wrong. */
class MessagingInputsTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  @BothDatabases
  void aSendToAnIdWithNoWorkflowFailsNamingTheId(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, new Journal());
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {

        assertThatThrownBy(() -> client.send("nobody-1", "hello", "t"))
            .isInstanceOf(NoSuchWorkflowException.class)
            .hasMessageContaining("nobody-1");
        assertThatThrownBy(() -> client.send("nobody-2", "hello", "t", "key-1"))
            .isInstanceOf(NoSuchWorkflowException.class)
            .hasMessageContaining("nobody-2");
        assertThatThrownBy(() -> dbos.sendMessage("nobody-3", "hello", "t"))
            .isInstanceOf(NoSuchWorkflowException.class)
            .hasMessageContaining("nobody-3");
        assertThatThrownBy(() -> inbox.start(StartOptions.id("to-nobody")).send("nobody-4", "hello", "t").getResult())
            .isInstanceOf(NoSuchWorkflowException.class)
            .hasMessageContaining("nobody-4");
        assertThat(db.status("to-nobody")).isEqualTo("ERROR");
      assertThat(db.steps("to-nobody")).as("the failed send is recorded, as DBOS records it").containsExactly("0:DBOS.send");
        assertThat(db.value("SELECT COUNT(*) FROM " + db.table("notifications"))).isEqualTo("0");
      }
    }
  }

  @BothDatabases
  void readingAStreamOfAnIdWithNoWorkflowFailsNamingTheId(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThatThrownBy(() -> StreamsTest.read(() -> client.readStream("nobody-5", "k", String.class)))
            .isInstanceOf(NoSuchWorkflowException.class)
            .hasMessageContaining("nobody-5");
        assertThatThrownBy(() -> StreamsTest.read(() -> dbos.readStream("nobody-6", "k", String.class)))
            .isInstanceOf(NoSuchWorkflowException.class)
            .hasMessageContaining("nobody-6");
      }
    }
  }

  @BothDatabases
  void negativeTimeoutsAndOffsetsAreRejectedSayingWhy(TestDatabase db) throws Exception {
    Duration negative = Duration.ofSeconds(-1);
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, new Journal());
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThatThrownBy(() -> client.getEvent("w", "k", negative, String.class))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("negative");
        assertThatThrownBy(() -> dbos.getWorkflowEvent("w", "k", negative, String.class))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("negative");
        assertThatThrownBy(() -> client.readStream("w", "k", -1, String.class))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("-1");
        assertThatThrownBy(() -> inbox.start(StartOptions.id("impatient")).receive("t", -5).getResult())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("negative");
        assertThat(db.steps("impatient")).as("nothing recorded").isEmpty();
      }
    }
  }

  @BothDatabases
  void nullArgumentsOfAClientAreRejectedNamingTheParameter(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch(); // creates the system database the client connects to
    }
    try (DBOSClient client = DBOSClient.connect(db.url())) {
      assertNullRejected(() -> client.send(null, "hello", "t"), "destinationId");
      assertNullRejected(() -> client.send(null, "hello", "t", "key-1"), "destinationId");
      assertNullRejected(() -> client.getEvent(null, "k", SECOND, String.class), "workflowId");
      assertNullRejected(() -> client.getEvent("w", null, SECOND, String.class), "key");
      assertNullRejected(() -> client.getEvent("w", "k", null, String.class), "timeout");
      assertNullRejected(() -> client.getEvent("w", "k", SECOND, null), "type");
      assertNullRejected(() -> client.readStream(null, "k", String.class), "workflowId");
      assertNullRejected(() -> client.readStream("w", null, String.class), "key");
      assertNullRejected(() -> client.readStream("w", "k", null), "type");
    }
  }

  @BothDatabases
  void nullArgumentsOfALaunchedDbosAreRejectedNamingTheParameter(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
      assertNullRejected(() -> dbos.sendMessage(null, "hello", "t"), "destinationId");
      assertNullRejected(() -> dbos.sendMessage(null, "hello", "t", "key-1"), "destinationId");
      assertNullRejected(() -> dbos.getWorkflowEvent(null, "k", SECOND, String.class), "workflowId");
      assertNullRejected(() -> dbos.getWorkflowEvent("w", null, SECOND, String.class), "key");
      assertNullRejected(() -> dbos.getWorkflowEvent("w", "k", null, String.class), "timeout");
      assertNullRejected(() -> dbos.getWorkflowEvent("w", "k", SECOND, null), "type");
      assertNullRejected(() -> dbos.readStream(null, "k", String.class), "workflowId");
      assertNullRejected(() -> dbos.readStream("w", null, String.class), "key");
      assertNullRejected(() -> dbos.readStream("w", "k", 0, null), "type");
    }
  }

  @BothDatabases
  void nullArgumentsInsideAWorkflowFailItNamingTheParameter(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, new Journal());
      dbos.launch();

      assertNullRejected(() -> inbox.start(StartOptions.id("no-destination")).send(null, "hello", "t").getResult(), "destinationId");
      assertNullRejected(() -> inbox.start(StartOptions.id("no-type")).receiveWithoutType("t").getResult(), "type");
      assertNullRejected(() -> inbox.start(StartOptions.id("no-timeout")).receiveWithoutTimeout("t").getResult(), "timeout");
      assertThat(Notifications.count(db, "no-destination")).isZero();
    }
  }

  @BothDatabases
  void nullKeysAndValuesOfEventsAndStreamsFailTheWorkflowNamingThem(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      AnnouncerDurable announcer = new AnnouncerDurable(dbos, new Journal());
      BroadcasterDurable broadcaster = new BroadcasterDurable(dbos, new Journal());
      dbos.launch();

      assertNullRejected(() -> announcer.start(StartOptions.id("no-key")).announce(null, List.of("x")).getResult(), "key");
      assertNullRejected(() -> announcer.start(StartOptions.id("no-value")).announceNull("k").getResult(), "value");
      assertNullRejected(() -> broadcaster.start(StartOptions.id("no-stream")).broadcast(null, List.of("x"), true).getResult(), "key");
      assertNullRejected(() -> broadcaster.start(StartOptions.id("no-item")).broadcastNull("k").getResult(), "value");
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("workflow_events"))).isEqualTo("0");
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("streams"))).isEqualTo("0");
    }
  }

  @BothDatabases
  void aRecvInsideAStepFailsSayingWhereItBelongs(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, new Journal());
      dbos.launch();
      assertThatThrownBy(() -> inbox.start(StartOptions.id("stepping")).receiveThroughAStep("t").getResult())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("receiveInStep")
          .hasMessageContaining("workflow body");
    }
  }

  @Test
  void recvSendEventsAndStreamsOutsideAWorkflowNameWhatToUseInstead() {
    assertThatThrownBy(() -> DBOS.recv("t", SECOND, String.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("recv")
        .hasMessageContaining("workflow");
    assertThatThrownBy(() -> DBOS.setEvent("k", "v"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("setEvent")
        .hasMessageContaining("workflow");
    assertThatThrownBy(() -> DBOS.send("w", "hello", "t"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sendMessage");
    assertThatThrownBy(() -> DBOS.getEvent("w", "k", SECOND, String.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("getWorkflowEvent");
    assertThatThrownBy(() -> DBOS.writeStream("k", "v"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("writeStream")
        .hasMessageContaining("workflow");
    assertThatThrownBy(() -> DBOS.closeStream("k"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closeStream")
        .hasMessageContaining("workflow");
  }

  private static void assertNullRejected(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String parameter) {
    assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessageContaining(parameter);
  }
}
