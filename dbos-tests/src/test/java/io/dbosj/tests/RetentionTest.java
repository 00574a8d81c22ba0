package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.Retention;
import io.dbosj.StartOptions;
import io.dbosj.UnfinishedWorkflowException;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.KeepsakesDurable;
import io.dbosj.tests.support.AdminHttp;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.MutableClock;
import io.dbosj.tests.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deleting workflows with what they recorded, garbage collection, retention and the global timeout. */
class RetentionTest {
  /** Every table holding a workflow's records, and the column naming the workflow. */
  private static final Map<String, String> RECORDS = new LinkedHashMap<>();

  static {
    RECORDS.put("workflow_status", "workflow_uuid");
    RECORDS.put("operation_outputs", "workflow_uuid");
    RECORDS.put("workflow_input", "workflow_uuid");
    RECORDS.put("workflow_output", "workflow_uuid");
    RECORDS.put("notifications", "destination_uuid");
    RECORDS.put("workflow_events", "workflow_uuid");
    RECORDS.put("workflow_events_history", "workflow_uuid");
    RECORDS.put("streams", "workflow_uuid");
  }

  @BothDatabases
  void deletingAWorkflowRemovesEveryRecordOfItAndNothingOfOthers(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      KeepsakesDurable keepsakes = new KeepsakesDurable(dbos, new Journal());
      dbos.launch();
      keepsakes.start(StartOptions.id("doomed")).keep("a").getResult();
      keepsakes.start(StartOptions.id("kept")).keep("b").getResult();
      for (String id : List.of("doomed", "kept")) {
        dbos.sendMessage(id, "late mail", "inbox"); // sent after it ended: never consumed
        // DBOS TS writes a workflow's inputs and outcome into these tables too
        db.update("INSERT INTO " + db.table("workflow_input") + " (workflow_uuid, inputs) VALUES (?, '[]')", id);
        db.update("INSERT INTO " + db.table("workflow_output") + " (workflow_uuid, output) VALUES (?, '\"x\"')", id);
      }
      assertThat(records(db, "doomed")).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());

      assertThat(dbos.deleteWorkflow("doomed")).containsExactly("doomed");

      assertThat(records(db, "doomed")).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
      assertThat(records(db, "kept")).isEqualTo(Map.of(
          "workflow_status", 1, "operation_outputs", 5, "workflow_input", 1, "workflow_output", 1,
          "notifications", 1, "workflow_events", 1, "workflow_events_history", 2, "streams", 2));
      assertThat(dbos.listWorkflows(io.dbosj.WorkflowFilter.all())).extracting(w -> w.workflowId()).containsExactly("kept");
      assertThat(dbos.deleteWorkflow("doomed")).as("deleting it again finds nothing").isEmpty();
      assertThat(dbos.deleteWorkflow("never-was")).isEmpty();
    }
  }

  @BothDatabases
  void deletingWithChildrenTakesEveryDescendantAndWithoutTakesOnlyTheOne(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      KeepsakesDurable keepsakes = new KeepsakesDurable(dbos, new Journal());
      dbos.launch();
      keepsakes.start(StartOptions.id("clan")).family(2).getResult();
      keepsakes.start(StartOptions.id("line")).family(2).getResult();

      assertThat(dbos.deleteWorkflow("clan", true)).containsExactly("clan", "clan-1", "clan-1-1");
      assertThat(dbos.deleteWorkflow("line")).containsExactly("line");

      assertThat(db.rows("SELECT workflow_uuid FROM " + db.table("workflow_status") + " ORDER BY workflow_uuid"))
          .containsExactly(List.of("line-1"), List.of("line-1-1"));
      assertThat(db.rows("SELECT DISTINCT workflow_uuid FROM " + db.table("operation_outputs") + " ORDER BY workflow_uuid"))
          .containsExactly(List.of("line-1"), List.of("line-1-1"));
    }
  }

  @BothDatabases
  void anUnfinishedWorkflowOrDescendantIsNotDeletedAndNeitherIsAnythingElse(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      KeepsakesDurable keepsakes = new KeepsakesDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> gated = keepsakes.start(StartOptions.id("running")).gated();
      keepsakes.start(StartOptions.id("parent")).leavesAChildRunning().getResult();
      journal.awaitBlocked();

      assertThatThrownBy(() -> dbos.deleteWorkflow("running"))
          .isInstanceOf(UnfinishedWorkflowException.class)
          .hasMessageContaining("workflow running is PENDING")
          .hasMessageContaining("Cancel it first");
      assertThatThrownBy(() -> dbos.deleteWorkflow("parent", true))
          .isInstanceOf(UnfinishedWorkflowException.class)
          .hasMessageContaining("workflow parent-gated, a descendant of parent, is PENDING")
          .satisfies(e -> assertThat(((UnfinishedWorkflowException) e).workflowId()).isEqualTo("parent-gated"));
      assertThat(db.status("parent")).isEqualTo("SUCCESS");
      assertThat(db.steps("parent")).isNotEmpty();

      journal.open();
      assertThat(gated.getResult()).isEqualTo("through");
      assertThat(dbos.retrieveWorkflow("parent-gated").getResult()).isEqualTo("through");
      assertThat(dbos.deleteWorkflow("parent", true)).containsExactly("parent", "parent-gated");
    }
  }

  @BothDatabases
  void garbageCollectionDeletesFinishedWorkflowsPastTheCutoffOrBeyondTheNewest(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      KeepsakesDurable keepsakes = new KeepsakesDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> unfinished = keepsakes.start(StartOptions.id("old-running")).gated();
      journal.awaitBlocked();
      for (int i = 0; i < 4; i++) {
        keepsakes.start(StartOptions.id("old-" + i)).keep("o" + i).getResult();
      }
      Instant cutoff = awaitNextMillisecond();
      for (int i = 0; i < 3; i++) {
        keepsakes.start(StartOptions.id("new-" + i)).keep("n" + i).getResult();
        awaitNextMillisecond(); // created_at has millisecond precision: keep them apart
      }

      assertThat(dbos.garbageCollect(cutoff, null)).isEqualTo(4);
      assertThat(ids(db)).containsExactly("new-0", "new-1", "new-2", "old-running");
      assertThat(dbos.garbageCollect(null, 2L)).as("keeps the 2 newest").isEqualTo(1);
      assertThat(ids(db)).containsExactly("new-1", "new-2", "old-running");
      assertThat(dbos.garbageCollect(Instant.now().plusSeconds(60), null)).isEqualTo(2);
      assertThat(ids(db)).as("an unfinished workflow is never collected").containsExactly("old-running");

      assertThatThrownBy(() -> dbos.garbageCollect(null, null)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("needs a cutoff");
      assertThatThrownBy(() -> dbos.garbageCollect(null, 0L)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("keeps at least 1 workflow");
      journal.open();
      assertThat(unfinished.getResult()).isEqualTo("through");
    }
  }

  @BothDatabases
  void aRetentionSettingCollectsAtLaunchAndEachIntervalOnItsClock(TestDatabase db) throws Exception {
    try (DBOS first = db.builder().build()) {
      KeepsakesDurable keepsakes = new KeepsakesDurable(first, new Journal());
      first.launch();
      keepsakes.start(StartOptions.id("before-launch")).keep("x").getResult();
    }
    MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(2)));
    try (DBOS dbos = db.builder().clock(clock).retention(Retention.olderThan(Duration.ofDays(1)).every(Duration.ofHours(1))).build()) {
      KeepsakesDurable keepsakes = new KeepsakesDurable(dbos, new Journal());
      dbos.launch();
      Await.until("launch's collection deleted the old workflow", () -> ids(db).isEmpty(), () -> ids(db));

      keepsakes.start(StartOptions.id("after-launch")).keep("y").getResult();
      clock.advance(Duration.ofMinutes(59));
      clock.advance(Duration.ofDays(1)); // now the workflow is a day old, and an interval has passed
      Await.until("the next collection deleted it", () -> ids(db).isEmpty(), () -> ids(db));
    }
  }

  @BothDatabases
  void aClientDeletesCollectsAndTimesOutWorkflows(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      KeepsakesDurable keepsakes = new KeepsakesDurable(dbos, journal);
      dbos.launch();
      keepsakes.start(StartOptions.id("done")).family(1).getResult();
      WorkflowHandle<String> stuck = keepsakes.start(StartOptions.id("stuck")).gated();
      journal.awaitBlocked();
      Instant afterStuck = awaitNextMillisecond();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.deleteWorkflow("done", true)).containsExactly("done", "done-1");
        assertThat(client.globalTimeout(afterStuck)).containsExactly("stuck");
        journal.open();
        assertThatThrownBy(stuck::getResult).isInstanceOf(io.dbosj.WorkflowCancelledException.class);
        assertThat(client.garbageCollect(Instant.now().plusSeconds(60), null)).isEqualTo(1);
      }
      assertThat(ids(db)).isEmpty();
    }
  }

  @BothDatabases
  void theAdminServerDeletesCollectsAndTimesOutAsDbosNamesThem(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      KeepsakesDurable keepsakes = new KeepsakesDurable(dbos, journal);
      dbos.launch();
      AdminHttp admin = new AdminHttp(dbos);
      keepsakes.start(StartOptions.id("tree")).family(1).getResult();
      keepsakes.start(StartOptions.id("single")).keep("s").getResult();
      awaitNextMillisecond(); // so that rows_threshold 1 keeps stuck alone
      WorkflowHandle<String> stuck = keepsakes.start(StartOptions.id("stuck")).gated();
      journal.awaitBlocked();

      assertThat(admin.ok(admin.post("/workflows/tree/delete", "{\"delete_children\": true}")).toString())
          .isEqualTo("{\"deleted\":[\"tree\",\"tree-1\"]}");
      assertThat(admin.post("/workflows/tree/delete", null).statusCode()).isEqualTo(404);
      HttpResponse<String> refused = admin.post("/workflows/stuck/delete", null);
      assertThat(refused.statusCode()).isEqualTo(409);
      assertThat(refused.body()).contains("workflow stuck is PENDING");
      assertThat(admin.post("/workflows/single/delete", "{\"children\": true}").statusCode()).isEqualTo(400);

      long later = Instant.now().plusSeconds(60).toEpochMilli();
      assertThat(admin.post("/dbos-global-timeout", "{\"cutoff_epoch_timestamp_ms\": " + later + "}").statusCode())
          .isEqualTo(204);
      journal.open();
      assertThatThrownBy(stuck::getResult).isInstanceOf(io.dbosj.WorkflowCancelledException.class);
      assertThat(admin.post("/dbos-garbage-collect", "{}").statusCode()).isEqualTo(400);
      assertThat(admin.post("/dbos-garbage-collect", "{\"rows_threshold\": 1}").statusCode()).isEqualTo(204);
      assertThat(ids(db)).containsExactly("stuck");
      assertThat(admin.post("/dbos-garbage-collect", "{\"cutoff_epoch_timestamp_ms\": " + later + "}").statusCode())
          .isEqualTo(204);
      assertThat(ids(db)).isEmpty();
    }
  }

  private static Map<String, Integer> records(TestDatabase db, String workflowId) throws Exception {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Map.Entry<String, String> table : RECORDS.entrySet()) {
      counts.put(table.getKey(), Integer.parseInt(db.value(
          "SELECT count(*) FROM " + db.table(table.getKey()) + " WHERE " + table.getValue() + " = ?", workflowId)));
    }
    return counts;
  }

  private static List<String> ids(TestDatabase db) throws Exception {
    return db.rows("SELECT workflow_uuid FROM " + db.table("workflow_status") + " ORDER BY workflow_uuid")
        .stream().map(row -> row.get(0)).toList();
  }

  /** Waits for the wall clock's next millisecond and returns it: rows created after it are newer. */
  private static Instant awaitNextMillisecond() throws InterruptedException {
    long now = System.currentTimeMillis();
    while (System.currentTimeMillis() <= now) {
      Thread.sleep(1);
    }
    return Instant.ofEpochMilli(System.currentTimeMillis());
  }
}
