package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.AnnouncerDurable;
import io.dbosj.tests.fixtures.BroadcasterDurable;
import io.dbosj.tests.fixtures.InboxDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * What wakes a waiting reader: on PostgreSQL a notification on DBOS's channels, with DBOS's
 * payloads (so DBOS's own readers wake for our writes too); on SQLite a poll that starts short.
 */
class WakeUpsTest {

  @BothDatabases
  void aRecvWaitingInOneProcessWakesSoonAfterAnotherProcessSends(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, new Journal());
      dbos.launch();
      WorkflowHandle<List<String>> handle = inbox.start(StartOptions.id("pinged")).receiveEach("pings", 3);
      List<Long> latencies = new ArrayList<>();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        for (int round = 0; round < 3; round++) {
          int recv = 3 * round;
          Await.until("recv " + recv + " to wait", () -> db.steps("pinged").contains((recv + 1) + ":DBOS.sleep"), () -> db.steps("pinged"));
          long sentAt = System.currentTimeMillis();
          client.send("pinged", "ping " + round, "pings");
          Await.until("recv " + recv + " to be recorded", () -> db.steps("pinged").contains(recv + ":DBOS.recv"), () -> db.steps("pinged"));
          latencies.add(completedAt(db, "pinged", recv) - sentAt);
        }
      }

      assertThat(handle.getResult()).containsExactly("ping 0", "ping 1", "ping 2");
      // PostgreSQL's fallback poll comes a second after the recv's first look: only the
      // notification is this fast; SQLite's polls start at a few milliseconds
      assertThat(latencies.stream().mapToLong(Long::longValue).min().orElseThrow())
          .as("the fastest of the send-to-receive latencies %s, in ms", latencies)
          .isLessThan(500);
    }
  }

  @BothDatabases
  void messagesEventsAndStreamsNotifyDbosChannelsWithDbosPayloads(TestDatabase db) throws Exception {
    assumeTrue(db.kind() == TestDatabase.Kind.POSTGRES, "SQLite has no notifications");
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, new Journal());
      AnnouncerDurable announcer = new AnnouncerDurable(dbos, new Journal());
      BroadcasterDurable broadcaster = new BroadcasterDurable(dbos, new Journal());
      dbos.launch();
      inbox.start(StartOptions.id("listener")).receive("unused", 1).getResult();

      try (Connection listener = db.connect()) {
        try (Statement s = listener.createStatement()) {
          s.execute("LISTEN dbos_notifications_channel");
          s.execute("LISTEN dbos_workflow_events_channel");
          s.execute("LISTEN dbos_streams_channel");
        }
        try (DBOSClient client = DBOSClient.connect(db.url())) {
          client.send("listener", "hello", "greetings");
          client.send("listener", "hello", null);
        }
        announcer.start(StartOptions.id("announcer")).announce("status", List.of("ready")).getResult();
        broadcaster.start(StartOptions.id("broadcaster")).broadcast("news", List.of("first"), true).getResult();

        List<String> received = new ArrayList<>();
        Await.until(
            "the five notifications",
            () -> {
              PGNotification[] batch = listener.unwrap(PGConnection.class).getNotifications(100);
              if (batch != null) {
                for (PGNotification n : batch) {
                  received.add(n.getName() + " " + n.getParameter());
                }
              }
              return received.size() >= 5;
            },
            () -> received);
        assertThat(received)
            .containsExactlyInAnyOrder(
                "dbos_notifications_channel listener::greetings",
                "dbos_notifications_channel listener::__null__topic__",
                "dbos_workflow_events_channel announcer::status",
                "dbos_streams_channel broadcaster::news",
                "dbos_streams_channel broadcaster::news");
      }
    }
  }

  private static long completedAt(TestDatabase db, String workflowId, int functionId) throws Exception {
    return Long.parseLong(
        db.value(
            "SELECT completed_at_epoch_ms FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = ? AND function_id = ?",
            workflowId,
            functionId));
  }
}
