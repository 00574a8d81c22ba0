package io.dbosj.tests;

import static io.dbosj.tests.fixtures.Inbox.NOTHING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowCancelledException;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.InboxDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.Notifications;
import io.dbosj.tests.support.TestDatabase;
import java.util.List;

/**
 * {@code DBOS.recv} and the three ways to send (inside a workflow, from a process that runs a
 * DBOS, from a client), in one process. Recovery across a real kill is {@link MessagesCrashTest}.
 */
class MessagesTest {

  @BothDatabases
  void aRecvThatTimesOutReturnsEmptyAndRecordsTheRecvAndItsDeadline(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, new Journal());
      dbos.launch();

      long startedAt = System.currentTimeMillis();
      String result = inbox.start(StartOptions.id("lonely")).receive("greetings", 300).getResult();
      long finishedAt = System.currentTimeMillis();

      assertThat(result).isEqualTo(NOTHING);
      assertThat(finishedAt - startedAt).isGreaterThanOrEqualTo(300);
      assertThat(db.steps("lonely")).containsExactly("0:DBOS.recv", "1:DBOS.sleep");
      assertThat(output(db, "lonely", 0)).as("a timed-out recv records null").isNull();
      assertThat(Long.parseLong(output(db, "lonely", 1)))
          .as("the recorded deadline")
          .isBetween(startedAt + 300, finishedAt);
    }
  }

  @BothDatabases
  void messagesOnOneTopicAreReceivedInTheOrderTheyWereSent(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<List<String>> handle =
          inbox.start(StartOptions.id("ordered")).receiveAfterGate("orders", 6, 30_000);
      journal.awaitBlocked();

      for (int i = 1; i <= 6; i++) {
        dbos.sendMessage("ordered", "m" + i, "orders");
      }
      journal.open();

      assertThat(handle.getResult()).containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
      assertThat(Notifications.of(db, "ordered")).hasSize(6).allMatch(line -> line.endsWith(" consumed"));
    }
  }

  @BothDatabases
  void aWaitingRecvWakesForEachMessageAClientSends(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, new Journal());
      dbos.launch();
      WorkflowHandle<List<String>> handle = inbox.start(StartOptions.id("waiting")).receiveEach("jobs", 3);

      try (DBOSClient client = DBOSClient.connect(db.url())) {
        client.send("waiting", "first", "jobs");
        client.send("waiting", "second", "jobs");
        client.send("waiting", "third", "jobs");
      }

      assertThat(handle.getResult()).containsExactly("first", "second", "third");
      assertThat(db.stepsWithoutWaits("waiting"))
          .containsExactly("0:DBOS.recv", "2:handle", "3:DBOS.recv", "5:handle", "6:DBOS.recv", "8:handle");
      assertThat(output(db, "waiting", 0)).as("the recv records the message it consumed").isEqualTo("\"first\"");
    }
  }

  @BothDatabases
  void topicsAreSeparateAndANullTopicIsTheDefaultOne(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, journal);
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        WorkflowHandle<List<String>> handle = inbox.start(StartOptions.id("sorting")).receiveFromEachTopic(300);
        journal.awaitBlocked();

        dbos.sendMessage("sorting", "to a", "a");
        client.send("sorting", "to the default", null);
        client.send("sorting", "to b", "b");
        journal.open();

        assertThat(handle.getResult()).containsExactly("to b", "to the default", "to a", NOTHING);
        assertThat(Notifications.of(db, "sorting"))
            .containsExactlyInAnyOrder(
                "\"to a\" @a consumed", "\"to the default\" @__null__topic__ consumed", "\"to b\" @b consumed");
      }
    }
  }

  @BothDatabases
  void aMessageSentBeforeTheRecvStartsIsReceived(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<List<String>> handle = inbox.start(StartOptions.id("early")).receiveAfterGate(null, 1, 30_000);
      journal.awaitBlocked();

      dbos.sendMessage("early", "already here", null);
      assertThat(db.steps("early")).as("no recv has started").isEmpty();
      assertThat(Notifications.of(db, "early")).containsExactly("\"already here\" @__null__topic__ unconsumed");
      journal.open();

      assertThat(handle.getResult()).containsExactly("already here");
      assertThat(Notifications.of(db, "early")).containsExactly("\"already here\" @__null__topic__ consumed");
      // a message that is there when the recv looks is taken in one commit: no deadline is recorded
      assertThat(db.steps("early")).containsExactly("0:waitAtGate", "1:DBOS.recv");
    }
  }

  @BothDatabases
  void aSendInsideAWorkflowIsRecordedSoThatItsReExecutionDoesNotSendAgain(TestDatabase db) throws Exception {
    Journal before = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, before);
      dbos.launch();
      inbox.start(StartOptions.id("destination")).receive("unused", 1).getResult();
      inbox.start(StartOptions.id("sender")).sendThenWait("destination", "hello", "greetings");
      before.awaitBlocked();
    }
    assertThat(db.status("sender")).isEqualTo("PENDING");
    assertThat(db.steps("sender")).containsExactly("0:DBOS.send");

    Journal after = new Journal();
    try (DBOS dbos = db.builder().build()) {
      new InboxDurable(dbos, after);
      dbos.launch();

      assertThat(dbos.<String>retrieveWorkflow("sender").getResult()).isEqualTo("sent");
      assertThat(after.entries()).as("the re-execution reached the gate again").containsExactly("gate");
      assertThat(db.steps("sender")).containsExactly("0:DBOS.send", "1:waitAtGate");
      assertThat(Notifications.of(db, "destination")).containsExactly("\"hello\" @greetings unconsumed");
    }
  }

  @BothDatabases
  void sendsWithOneIdempotencyKeyDeliverOneMessageWhoeverSendsThem(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, journal);
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        WorkflowHandle<List<String>> handle = inbox.start(StartOptions.id("payee")).receiveAfterGate("payments", 2, 300);
        inbox.start(StartOptions.id("other-payee")).receive("payments", 30_000);
        journal.awaitBlocked();

        client.send("payee", "paid", "payments", "payment-7");
        dbos.sendMessage("payee", "paid", "payments", "payment-7");
        client.send("payee", "paid", "payments", "payment-7");
        dbos.sendMessage("other-payee", "paid", "payments", "payment-7");

        assertThat(db.value("SELECT message_uuid FROM " + db.table("notifications") + " WHERE destination_uuid = 'payee'"))
            .isEqualTo("payment-7::payee");
        assertThat(dbos.<String>retrieveWorkflow("other-payee").getResult())
            .as("the key is scoped to its destination")
            .isEqualTo("paid");
        journal.open();
        assertThat(handle.getResult()).containsExactly("paid", NOTHING);
      }
    }
  }

  @BothDatabases
  void aMessageThatIsNotTheRequestedTypeIsAnErrorNamingItAndStaysUnconsumed(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle = inbox.start(StartOptions.id("picky")).receiveNumberThenText("amounts");
      journal.awaitBlocked();
      dbos.sendMessage("picky", "twelve", "amounts");
      journal.open();

      assertThat(handle.getResult()).isEqualTo("twelve");
      String error = journal.entries().stream().filter(entry -> entry.startsWith("error ")).findFirst().orElseThrow();
      assertThat(error).contains("picky").contains("amounts").contains("Integer");
      assertThat(Notifications.of(db, "picky")).containsExactly("\"twelve\" @amounts consumed");
      assertThat(db.value(
              "SELECT COUNT(*) FROM " + db.table("operation_outputs")
                  + " WHERE workflow_uuid = 'picky' AND function_name = 'DBOS.recv' AND output = '\"twelve\"'"))
          .as("only the String recv consumed the message")
          .isEqualTo("1");
    }
  }

  @BothDatabases
  void aCancelledWorkflowWaitingInRecvConsumesNoMessageSentAfterTheCancel(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, new Journal());
      dbos.launch();
      WorkflowHandle<String> handle = inbox.start(StartOptions.id("abandoned")).receive("replies", 60_000);
      Await.until("the recv to wait", () -> db.steps("abandoned").contains("1:DBOS.sleep"), () -> db.steps("abandoned"));

      dbos.cancelWorkflow("abandoned");
      assertThatThrownBy(handle::getResult).isInstanceOf(WorkflowCancelledException.class);
      dbos.sendMessage("abandoned", "too late", "replies");
    } // close() ends every workflow thread of this DBOS: a recv still waiting would have taken the message

    assertThat(db.status("abandoned")).isEqualTo("CANCELLED");
    assertThat(db.steps("abandoned")).containsExactly("1:DBOS.sleep");
    assertThat(Notifications.of(db, "abandoned")).containsExactly("\"too late\" @replies unconsumed");
  }

  /** The recorded output of a workflow's step. */
  static String output(TestDatabase db, String workflowId, int functionId) throws Exception {
    return db.value(
        "SELECT output FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = ? AND function_id = ?",
        workflowId,
        functionId);
  }
}
