package io.dbosj.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOSClient;
import io.dbosj.StartOptions;
import io.dbosj.conformance.support.Await;
import io.dbosj.conformance.support.ConformanceDatabase;
import io.dbosj.conformance.support.ConformanceTools;
import io.dbosj.conformance.support.DbosTypeScript;
import io.dbosj.conformance.support.RunningTool;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * io.dbosj's {@code DBOSClient} talks to the workflows of a running DBOS Transact TypeScript 5.3.0
 * app ({@code node/run-talking-dbos-app.cjs}): its {@code send}, and our workflow's own {@code
 * DBOS.send}, reach a workflow waiting in DBOS's {@code DBOS.recv}, and its {@code getEvent} and
 * {@code readStream} read what DBOS's {@code setEvent} and {@code writeStream} wrote, in the
 * portable format and in DBOS TS's default.
 */
@ExtendWith(ConformanceTools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OurClientTalksToDbosTypeScriptTest {
  /** Longer than the tests wait for anything the TypeScript app does. */
  private static final long APP_SECONDS = 120;
  /** PostgreSQL's SQLSTATE for a table that does not exist (yet). */
  private static final String UNDEFINED_TABLE = "42P01";

  private DbosTypeScript ts;
  private ConformanceDatabase db;

  @BeforeAll
  void find(DbosTypeScript ts, ConformanceDatabase db) {
    this.ts = ts;
    this.db = db;
  }

  @Test
  void ourClientsAndOurWorkflowsSendsReachDbosTypeScriptsWorkflowWaitingInRecv() throws Exception {
    try (RunningTool app = ts.startScript("run-talking-dbos-app.cjs", db.url(), "inbox", "ts-inbox")) {
      awaitWaitingInRecv(app, "ts-inbox");
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        client.send("ts-inbox", "first", null);
        client.send("ts-inbox", "second", null, "our-key");
        client.send("ts-inbox", "second, sent again", null, "our-key");
      }
      try (MailboxApp ours = MailboxApp.launch(db)) {
        ours.mailbox.start(StartOptions.id("relay-to-ts")).relay("ts-inbox", new Receipt("fig", 2), "orders").getResult();
      }

      JsonNode result = app.finished(APP_SECONDS).json().get("result");
      // two sends in one millisecond have no order in DBOS's created_at_epoch_ms
      assertThat(List.of(result.get("defaultTopic").get(0).asString(), result.get("defaultTopic").get(1).asString()))
          .containsExactlyInAnyOrder("first", "second");
      assertThat(result.get("orders").toString()).isEqualTo("{\"sku\":\"fig\",\"quantity\":2}");
    }
    assertThat(db.rows("SELECT topic, serialization, consumed FROM dbos.notifications WHERE destination_uuid = 'ts-inbox'"
        + " ORDER BY topic")).containsExactly(
            List.of("__null__topic__", "portable_json", "t"),
            List.of("__null__topic__", "portable_json", "t"),
            List.of("orders", "portable_json", "t"));
    assertThat(db.value("SELECT message_uuid FROM dbos.notifications WHERE message_uuid LIKE 'our-key%'"))
        .isEqualTo("our-key::ts-inbox");
    assertThat(db.value("SELECT function_name FROM dbos.operation_outputs WHERE workflow_uuid = 'relay-to-ts'"))
        .isEqualTo("DBOS.send");
  }

  @Test
  void ourGetEventReadsDbosTypeScriptsEventsAndWaitsForOneSetLater() throws Exception {
    try (RunningTool app = ts.startScript("run-talking-dbos-app.cjs", db.url(), "publisher", "ts-events")) {
      awaitWaitingInRecv(app, "ts-events");
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.getEvent("ts-events", "status", Duration.ofSeconds(10), String.class)).contains("ready");
        assertThat(client.getEvent("ts-events", "receipt", Duration.ofSeconds(10), Receipt.class))
            .contains(new Receipt("kiwi", 3));
        assertThat(client.getEvent("ts-events", "plain", Duration.ofSeconds(10), String.class)).contains("in superjson");
        assertThat(client.getEvent("ts-events", "late", Duration.ofMillis(200), String.class)).isEmpty();
        CompletableFuture<Optional<String>> late = CompletableFuture.supplyAsync(
            () -> client.getEvent("ts-events", "late", Duration.ofSeconds(60), String.class));

        client.send("ts-events", "go now", "go");

        assertThat(late.get(APP_SECONDS, TimeUnit.SECONDS)).contains("set after go");
      }
      assertThat(app.finished(APP_SECONDS).json().get("result").asString()).isEqualTo("go now");
    }
  }

  @Test
  void ourReadStreamReadsDbosTypeScriptsStreamToItsCloseAndAnUnclosedOneToTheWorkflowsEnd() throws Exception {
    try (RunningTool app = ts.startScript("run-talking-dbos-app.cjs", db.url(), "publisher", "ts-stream")) {
      awaitWaitingInRecv(app, "ts-stream");
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        CompletableFuture<List<String>> progress = CompletableFuture.supplyAsync(
            () -> readAll(client, "ts-stream", "progress", 0));

        client.send("ts-stream", "go now", "go");

        assertThat(progress.get(APP_SECONDS, TimeUnit.SECONDS)).containsExactly("one", "two", "three");
        assertThat(readAll(client, "ts-stream", "progress", 1)).containsExactly("two", "three");
        assertThat(readAll(client, "ts-stream", "log", 0)).containsExactly("x");
      }
      assertThat(app.finished(APP_SECONDS).json().get("result").asString()).isEqualTo("go now");
    }
  }

  private static List<String> readAll(DBOSClient client, String workflowId, String key, int fromOffset) {
    try (Stream<String> values = client.readStream(workflowId, key, fromOffset, String.class)) {
      return values.toList();
    }
  }

  /**
   * Waits until DBOS's workflow has recorded its first recv's deadline, which it does before it
   * waits; until the app has created DBOS's tables there is nothing to count.
   */
  private void awaitWaitingInRecv(RunningTool app, String workflowId) throws Exception {
    String sleeps = "SELECT count(*) FROM dbos.operation_outputs WHERE workflow_uuid = ? AND function_name = 'DBOS.sleep'";
    Await.until(workflowId + " to wait in DBOS.recv", () -> {
      if (!app.alive()) {
        throw new AssertionError("the DBOS TypeScript app ended early: " + app.printed());
      }
      try {
        return Integer.parseInt(db.value(sleeps, workflowId)) >= 1;
      } catch (SQLException e) {
        if (UNDEFINED_TABLE.equals(e.getSQLState())) {
          return false;
        }
        throw e;
      }
    }, app::printed);
  }
}
