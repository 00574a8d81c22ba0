package io.dbosj.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.dbosj.DBOSClient;
import io.dbosj.WorkflowEventHistoryEntry;
import io.dbosj.WorkflowMessage;
import io.dbosj.conformance.support.ConformanceDatabase;
import io.dbosj.conformance.support.ConformanceTools;
import io.dbosj.conformance.support.DbosTypeScript;
import io.dbosj.conformance.support.OurCli;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The events and messages DBOS Transact TypeScript 5.3.0 wrote ({@code node/talk-dbos-app.cjs}:
 * {@code ts-inbox} set {@code status} twice, in {@code portable_json} and its default {@code
 * js_superjson}, received one message, wrote and closed a stream, and was sent two more), shown by io.dbosj's {@code
 * DBOSClient} and {@code dbos} command: its recv's message is consumed, the other two pending.
 */
@ExtendWith(ConformanceTools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OurToolsSeeDbosTypeScriptsMessagesTest {
  private ConformanceDatabase db;

  @BeforeAll
  void letDbosTypeScriptSetEventsAndSendMessages(DbosTypeScript ts, ConformanceDatabase db) throws Exception {
    this.db = db;
    ts.script("talk-dbos-app.cjs", db.url()).succeeded();
  }

  @Test
  void ourClientShowsTheEventsTheirHistoryAndTheUnconsumedMessages() throws Exception {
    try (DBOSClient client = DBOSClient.connect(db.url())) {
      assertThat(client.getAllEvents("ts-inbox")).containsExactly(Map.entry("status", Map.of("verdict", "approved")));
      assertThat(client.listEventHistory("ts-inbox"))
          .extracting(WorkflowEventHistoryEntry::key, WorkflowEventHistoryEntry::value)
          .containsExactly(tuple("status", "waiting"), tuple("status", Map.of("verdict", "approved")));
      assertThat(client.listEventHistory("ts-inbox").get(0).functionId()).isZero();
      // sent one after the other, perhaps within one millisecond: either order is DBOS's
      List<WorkflowMessage> pending = client.listPendingMessages("ts-inbox");
      assertThat(pending)
          .extracting(WorkflowMessage::topic, WorkflowMessage::message)
          .containsExactlyInAnyOrder(tuple("approvals", Map.of("note", "too late")), tuple(null, "no topic"));
      assertThat(pending).extracting(WorkflowMessage::messageId).contains("k1::ts-inbox");
      assertThat(client.getAllStreamEntries("ts-inbox")).containsExactly(Map.entry("progress", List.of(1, 2)));
    }
  }

  @Test
  void ourCliShowsTheSame() throws Exception {
    JsonNode events = OurCli.run("workflow", "events", "ts-inbox", "-D", db.url(), "--json").json();
    assertThat(events.get("status").get("verdict").asString()).isEqualTo("approved");
    JsonNode messages = OurCli.run("workflow", "messages", "ts-inbox", "-D", db.url(), "--json").json();
    assertThat(messages).hasSize(2);
    assertThat(messages.toString()).contains("\"messageId\":\"k1::ts-inbox\"").contains("\"message\":\"no topic\"");
    JsonNode streams = OurCli.run("workflow", "streams", "ts-inbox", "-D", db.url(), "--json").json();
    assertThat(streams.toString()).isEqualTo("{\"progress\":[1,2]}");
  }
}
