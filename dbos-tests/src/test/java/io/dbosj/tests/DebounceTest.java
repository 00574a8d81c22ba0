package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.DbosException;
import io.dbosj.Queue;
import io.dbosj.QueueDeduplicatedException;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Tenants;
import io.dbosj.tests.fixtures.TenantsDurable;
import io.dbosj.tests.fixtures.Tracker;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.SystemSchema;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;

/** Debounced enqueues: one workflow per key, started once the key has been quiet, with the latest arguments. */
class DebounceTest {
  private static final Queue QUEUE = Queue.of("reindex");

  private static TenantsDurable tenants(DBOS dbos, Journal journal) {
    dbos.register(QUEUE);
    return new TenantsDurable(dbos, journal, new Tracker(), Tenants.trackers(), 0, QUEUE);
  }

  private static StartOptions debounced(String key, Duration quiet) {
    return StartOptions.defaults().queue(QUEUE).debounce(key, quiet);
  }

  private static long column(TestDatabase db, String column, String workflowId) throws Exception {
    return Long.parseLong(db.value(
        "SELECT " + column + " FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", workflowId));
  }

  @BothDatabases
  void enqueuesOfOneKeyStartOneWorkflowOnceTheKeyIsQuietWithTheLatestArguments(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      TenantsDurable tenants = tenants(dbos, journal);
      dbos.launch();

      Duration quiet = Duration.ofSeconds(1);
      WorkflowHandle<String> first = tenants.start(debounced("doc-7", quiet).workflowId("edit-1")).work("acme", 1);
      long firstDue = column(db, "delay_until_epoch_ms", "edit-1");
      WorkflowHandle<String> second = tenants.start(debounced("doc-7", quiet).workflowId("edit-2")).work("acme", 2);
      WorkflowHandle<Object> third;
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        third = client.enqueue("reindex", Tenants.class.getName(), "work", debounced("doc-7", quiet).workflowId("edit-3"), "acme", 3);
      }

      assertThat(second.workflowId()).isEqualTo("edit-1");
      assertThat(third.workflowId()).isEqualTo("edit-1");
      assertThat(db.status("edit-1")).isEqualTo("DELAYED");
      assertThat(column(db, "delay_until_epoch_ms", "edit-1")).as("each enqueue pushes the start back").isGreaterThanOrEqualTo(firstDue);
      assertThat(db.value("SELECT is_debounced FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'edit-1'"))
          .isIn("t", "1", "true");
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("workflow_status"))).isEqualTo("1");
      assertThat(db.value("SELECT deduplication_id FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'edit-1'"))
          .as("the key as DBOS's debouncers record it, so theirs and ours coalesce")
          .isEqualTo(Tenants.class.getName() + ".work-doc-7");

      assertThat(first.getResult()).isEqualTo("acme 3");
      assertThat(journal.entries()).containsExactly("acme 3");
      assertThat(db.value("SELECT deduplication_id IS NULL FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'edit-1'"))
          .as("a debounce holds its key only while it waits")
          .isIn("t", "1", "true");

      WorkflowHandle<String> next = tenants.start(debounced("doc-7", quiet).workflowId("edit-4")).work("acme", 4);
      assertThat(next.workflowId()).as("once started, the key debounces a new workflow").isEqualTo("edit-4");
      assertThat(next.getResult()).isEqualTo("acme 4");
    }
  }

  @BothDatabases
  void aLongestWaitBoundsHowFarLaterEnqueuesPushTheStart(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      TenantsDurable tenants = tenants(dbos, new Journal());
      dbos.launch();

      StartOptions options = StartOptions.defaults().queue(QUEUE).debounce("doc-9", Duration.ofHours(1), Duration.ofHours(2));
      long before = System.currentTimeMillis();
      tenants.start(options.workflowId("busy")).work("acme", 1);
      long deadline = column(db, "debounce_deadline_epoch_ms", "busy");
      assertThat(deadline).isBetween(before + Duration.ofHours(2).toMillis(), System.currentTimeMillis() + Duration.ofHours(2).toMillis());

      // as if the first enqueue came 90 minutes ago: the next would push the start past the longest wait
      db.update("UPDATE " + db.table("workflow_status") + " SET debounce_deadline_epoch_ms = ? WHERE workflow_uuid = 'busy'",
          System.currentTimeMillis() + Duration.ofMinutes(30).toMillis());
      long capped = column(db, "debounce_deadline_epoch_ms", "busy");
      tenants.start(options.workflowId("busy-2")).work("acme", 2);
      assertThat(column(db, "delay_until_epoch_ms", "busy")).isEqualTo(capped);
    }
  }

  @BothDatabases
  void aDebounceAKeyAPlainEnqueueHoldsIsRefusedAndOptionsThatClashSayWhich(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      TenantsDurable tenants = tenants(dbos, new Journal().closed());
      dbos.launch();

      // the deduplication ID DBOS's debouncers give key doc-1 of this workflow
      String heldKey = Tenants.class.getName() + ".work-doc-1";
      tenants.start(StartOptions.defaults().queue(QUEUE).deduplicationId(heldKey).delay(Duration.ofHours(1)).workflowId("plain"))
          .work("acme", 1);
      assertThatThrownBy(() -> tenants.start(debounced("doc-1", Duration.ofSeconds(1)).workflowId("bounce")).work("acme", 2))
          .isInstanceOf(QueueDeduplicatedException.class);
      assertThat(db.value("SELECT inputs FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'plain'"))
          .as("the plain enqueue keeps its arguments")
          .contains("1");

      assertThatThrownBy(() -> tenants.start(StartOptions.defaults().debounce("k", Duration.ofSeconds(1))).work("acme", 3))
          .hasMessageContaining("a debounce was given");
      assertThatThrownBy(() -> tenants.start(debounced("k", Duration.ofSeconds(1)).deduplicationId("k")).work("acme", 3))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a debounced enqueue takes no a deduplication ID");
      assertThatThrownBy(() -> tenants.start(debounced("k", Duration.ofSeconds(1)).delay(Duration.ofSeconds(1))).work("acme", 3))
          .hasMessageContaining("takes no a delay");
      assertThatThrownBy(() -> StartOptions.defaults().debounce("k", Duration.ZERO))
          .hasMessageContaining("quiet period must be positive");
      assertThatThrownBy(() -> StartOptions.defaults().debounce("k", Duration.ofSeconds(5), Duration.ofSeconds(1)))
          .hasMessageContaining("must not be shorter than its quiet period");
    }
  }

  @BothDatabases
  void aDatabaseWithDbosJava11sLayoutSaysItCannotRecordADebounce(TestDatabase db) throws Exception {
    assumeTrue(db.kind() == TestDatabase.Kind.POSTGRES, "DBOS Java makes its system database on PostgreSQL");
    SystemSchema.load(db, "/dbos-schema/dbos-java-1.1.0-m6.sql");
    db.update("INSERT INTO dbos.dbos_migrations VALUES (41)");
    try (DBOS dbos = db.builder().build()) {
      TenantsDurable tenants = tenants(dbos, new Journal());
      dbos.launch();
      assertThatThrownBy(() -> tenants.start(debounced("doc", Duration.ofSeconds(1))).work("acme", 1))
          .isInstanceOf(DbosException.class)
          .hasMessageContaining("DBOS Java 1.1's layout")
          .hasMessageContaining("is_debounced");
      assertThat(db.value("SELECT COUNT(*) FROM dbos.workflow_status")).isEqualTo("0");
    }
  }
}
