package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.WorkflowState;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Tenants;
import io.dbosj.tests.fixtures.TenantsDurable;
import io.dbosj.tests.fixtures.Tracker;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;

/** Enqueues held back for a while: recorded {@code DELAYED}, joining their queue once the delay has passed. */
class DelayedEnqueueTest {
  private static final Queue QUEUE = Queue.of("later");

  private static TenantsDurable tenants(DBOS dbos, Journal journal) {
    dbos.register(QUEUE);
    return new TenantsDurable(dbos, journal, new Tracker(), Tenants.trackers(), 0, QUEUE);
  }

  private static long column(TestDatabase db, String column, String workflowId) throws Exception {
    return Long.parseLong(db.value(
        "SELECT " + column + " FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", workflowId));
  }

  @BothDatabases
  void aDelayedWorkflowWaitsDelayedAndStartsOnceItsDelayHasPassed(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      TenantsDurable tenants = tenants(dbos, new Journal());
      dbos.launch();

      long before = System.currentTimeMillis();
      WorkflowHandle<String> handle =
          tenants.start(StartOptions.id("later-1").queue(QUEUE).delay(Duration.ofMillis(700))).work("acme", 1);

      assertThat(db.status("later-1")).isEqualTo("DELAYED");
      assertThat(handle.getStatus().state()).isEqualTo(WorkflowState.DELAYED);
      long due = column(db, "delay_until_epoch_ms", "later-1");
      assertThat(due).isBetween(before + 700, System.currentTimeMillis() + 700);
      assertThat(handle.getResult()).isEqualTo("acme 1");
      assertThat(column(db, "started_at_epoch_ms", "later-1")).isGreaterThanOrEqualTo(due);
      assertThat(dbos.listQueuedWorkflows("later")).isEmpty();
    }
  }

  @BothDatabases
  void aDelayCanBeMovedWhileItWaitsAndADelayedWorkflowCanBeCancelled(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      TenantsDurable tenants = tenants(dbos, journal);
      dbos.launch();

      StartOptions anHourLater = StartOptions.defaults().queue(QUEUE).delay(Duration.ofHours(1));
      WorkflowHandle<String> moved = tenants.start(anHourLater.workflowId("moved")).work("acme", 1);
      WorkflowHandle<String> cancelled = tenants.start(anHourLater.workflowId("cancelled")).work("acme", 2);
      assertThat(dbos.listQueuedWorkflows("later")).extracting(s -> s.state()).containsOnly(WorkflowState.DELAYED);

      dbos.setWorkflowDelay("moved", Duration.ZERO);
      assertThat(moved.getResult()).isEqualTo("acme 1");
      assertThat(dbos.cancelWorkflow("cancelled")).isTrue();
      assertThat(cancelled.getStatus().state()).isEqualTo(WorkflowState.CANCELLED);

      assertThatThrownBy(() -> dbos.setWorkflowDelay("moved", Duration.ofSeconds(5)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("moved is SUCCESS, not DELAYED");
      assertThatThrownBy(() -> dbos.setWorkflowDelay("moved", Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must not be negative");
    }
    assertThat(journal.entries()).containsExactly("acme 1");
  }

  @BothDatabases
  void aRecordedDelayHoldsAcrossARestartAndAClientCanSetOne(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      TenantsDurable tenants = tenants(dbos, new Journal());
      dbos.launch();
      tenants.start(StartOptions.id("kept").queue(QUEUE).delayUntil(Instant.now().plus(Duration.ofHours(1)))).work("acme", 1);
    }
    // as if the process had been down most of that hour: the delay is due soon after the next launch
    Instant due = Instant.now().plusMillis(500);
    db.update("UPDATE " + db.table("workflow_status") + " SET delay_until_epoch_ms = ? WHERE workflow_uuid = 'kept'",
        due.toEpochMilli());
    try (DBOSClient client = DBOSClient.connect(db.url())) {
      client.enqueue("later", Tenants.class.getName(), "work",
          StartOptions.id("by-client").delay(Duration.ofHours(2)), "globex", 2);
      assertThat(db.status("by-client")).isEqualTo("DELAYED");
      client.setWorkflowDelay("by-client", Duration.ofMillis(200));
    }
    assertThat(db.status("kept")).isEqualTo("DELAYED");
    try (DBOS dbos = db.builder().build()) {
      tenants(dbos, new Journal());
      dbos.launch();

      assertThat(dbos.<String>retrieveWorkflow("by-client").getResult()).isEqualTo("globex 2");
      assertThat(dbos.<String>retrieveWorkflow("kept").getResult()).isEqualTo("acme 1");
      assertThat(column(db, "started_at_epoch_ms", "kept")).isGreaterThanOrEqualTo(due.toEpochMilli());
    }
  }

  @BothDatabases
  void aDelayIsForAnEnqueueOnly(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      TenantsDurable tenants = tenants(dbos, new Journal());
      dbos.launch();

      assertThatThrownBy(() -> tenants.start(StartOptions.defaults().delay(Duration.ofSeconds(1))).work("acme", 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a delay was given")
          .hasMessageContaining(".queue(queue)");
      assertThatThrownBy(() -> StartOptions.defaults().delay(Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("workflow_status"))).isEqualTo("0");
    }
  }
}
