package io.dbosj.tests;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.DbosException;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.Announcer;
import io.dbosj.tests.fixtures.AnnouncerDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@code DBOS.setEvent} and the readers of events: a client, a process that runs a DBOS, a workflow. */
class EventsTest {

  @BothDatabases
  void getEventWaitsUntilTheEventIsSet(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    ExecutorService readers = Executors.newFixedThreadPool(2);
    try (DBOS dbos = db.builder().build()) {
      AnnouncerDurable announcer = new AnnouncerDurable(dbos, journal);
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        announcer.start(StartOptions.id("approver")).announceAfterGate("status", "approved");
        journal.awaitBlocked();

        Future<Optional<String>> byClient =
            readers.submit(() -> client.getEvent("approver", "status", Duration.ofSeconds(30), String.class));
        Future<Optional<String>> byProcess =
            readers.submit(() -> dbos.getWorkflowEvent("approver", "status", Duration.ofSeconds(30), String.class));
        assertThat(byClient).isNotDone();
        assertThat(byProcess).isNotDone();
        journal.open();

        assertThat(byClient.get(30, SECONDS)).contains("approved");
        assertThat(byProcess.get(30, SECONDS)).contains("approved");
      }
    } finally {
      readers.shutdownNow();
    }
  }

  @BothDatabases
  void getEventReturnsEmptyWhenTheKeyIsNotSetInTime(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      AnnouncerDurable announcer = new AnnouncerDurable(dbos, new Journal());
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        announcer.start(StartOptions.id("quiet")).announce("other", List.of("x")).getResult();

        long startedAt = System.currentTimeMillis();
        assertThat(client.getEvent("quiet", "status", Duration.ofMillis(300), String.class)).isEmpty();
        assertThat(dbos.getWorkflowEvent("quiet", "status", Duration.ofMillis(300), String.class)).isEmpty();
        assertThat(System.currentTimeMillis() - startedAt).isGreaterThanOrEqualTo(600);
      }
    }
  }

  @BothDatabases
  void theLatestValueWinsAndTheHistoryKeepsEachSet(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      AnnouncerDurable announcer = new AnnouncerDurable(dbos, new Journal());
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        announcer.start(StartOptions.id("progress")).announce("stage", List.of("one", "two", "three")).getResult();

        assertThat(client.getEvent("progress", "stage", Duration.ofSeconds(1), String.class)).contains("three");
        assertThat(dbos.getWorkflowEvent("progress", "stage", Duration.ofSeconds(1), String.class)).contains("three");
        assertThat(db.rows("SELECT key, value, serialization FROM " + db.table("workflow_events") + " WHERE workflow_uuid = 'progress'"))
            .containsExactly(List.of("stage", "\"three\"", "portable_json"));
        assertThat(db.rows(
                "SELECT function_id, key, value FROM " + db.table("workflow_events_history")
                    + " WHERE workflow_uuid = 'progress' ORDER BY function_id"))
            .containsExactly(
                List.of("0", "stage", "\"one\""), List.of("1", "stage", "\"two\""), List.of("2", "stage", "\"three\""));
        assertThat(db.steps("progress")).containsExactly("0:DBOS.setEvent", "1:DBOS.setEvent", "2:DBOS.setEvent");
      }
    }
  }

  @BothDatabases
  void aGetEventInsideAWorkflowIsRecordedSoItsReExecutionSeesTheSameValue(TestDatabase db) throws Exception {
    Journal before = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      AnnouncerDurable announcer = new AnnouncerDurable(dbos, before);
      dbos.launch();
      announcer.start(StartOptions.id("setter")).announceTwice("status", "first", "second");
      announcer.start(StartOptions.id("reader")).readEvent("setter", "status", 30_000);
      before.awaitBlocked();
    }
    assertThat(db.stepsWithoutWaits("reader")).containsExactly("0:DBOS.getEvent");
    assertThat(MessagesTest.output(db, "reader", 0)).isEqualTo("\"first\"");

    Journal after = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      new AnnouncerDurable(dbos, after);
      dbos.launch();
      after.awaitBlocked(); // the reader re-executed its getEvent and waits at the gate again
      dbos.sendMessage("setter", "go on", "next");
      assertThat(dbos.<String>retrieveWorkflow("setter").getResult()).isEqualTo("second");
      assertThat(dbos.getWorkflowEvent("setter", "status", Duration.ofSeconds(1), String.class)).contains("second");
      after.open();

      assertThat(dbos.<String>retrieveWorkflow("reader").getResult()).isEqualTo("first");
      assertThat(db.stepsWithoutWaits("reader")).containsExactly("0:DBOS.getEvent", "2:waitAtGate");
      assertThat(db.steps("setter"))
          .containsExactly("0:DBOS.setEvent", "1:DBOS.recv", "2:DBOS.sleep", "3:DBOS.setEvent");
    }
  }

  @BothDatabases
  void aGetEventInsideAWorkflowThatTimesOutRecordsEmpty(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      AnnouncerDurable announcer = new AnnouncerDurable(dbos, new Journal());
      dbos.launch();
      announcer.start(StartOptions.id("silent")).announce("other", List.of("x")).getResult();

      String read = announcer.start(StartOptions.id("listener")).readEvent("silent", "status", 300).getResult();

      assertThat(read).isEqualTo(Announcer.NOTHING);
      assertThat(db.steps("listener")).containsExactly("0:DBOS.getEvent", "1:DBOS.sleep", "2:waitAtGate");
      assertThat(MessagesTest.output(db, "listener", 0)).isNull();
    }
  }

  @BothDatabases
  void anEventThatIsNotTheRequestedTypeIsAnErrorNamingTheWorkflowKeyAndType(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      AnnouncerDurable announcer = new AnnouncerDurable(dbos, new Journal());
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        WorkflowHandle<Integer> handle = announcer.start(StartOptions.id("counter")).announce("total", List.of("many"));
        handle.getResult();

        assertThatThrownBy(() -> client.getEvent("counter", "total", Duration.ofSeconds(1), Integer.class))
            .isInstanceOf(DbosException.class)
            .hasMessageContaining("counter")
            .hasMessageContaining("total")
            .hasMessageContaining("Integer");
        assertThatThrownBy(() -> dbos.getWorkflowEvent("counter", "total", Duration.ofSeconds(1), Integer.class))
            .isInstanceOf(DbosException.class)
            .hasMessageContaining("counter")
            .hasMessageContaining("total")
            .hasMessageContaining("Integer");
      }
    }
  }
}
