package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DeduplicationPolicy;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Tenants;
import io.dbosj.tests.fixtures.TenantsDurable;
import io.dbosj.tests.fixtures.Tracker;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;

/** {@link DeduplicationPolicy#RETURN_EXISTING}: one live workflow per key, every caller gets it. */
class QueueDeduplicationTest {
  private static final Queue QUEUE = Queue.of("singletons");

  private static StartOptions once(String key) {
    return StartOptions.defaults().queue(QUEUE).deduplicationId(key).deduplicationPolicy(DeduplicationPolicy.RETURN_EXISTING);
  }

  @BothDatabases
  void aSecondEnqueueWithAHeldKeyGetsTheHolderAndOneAfterItFinishesStartsAnother(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      dbos.register(QUEUE);
      TenantsDurable tenants = new TenantsDurable(dbos, journal, new Tracker(), Tenants.trackers(), 0, QUEUE);
      dbos.launch();

      WorkflowHandle<String> first = tenants.start(once("report-7").workflowId("first")).work("acme", 1);
      WorkflowHandle<String> second = tenants.start(once("report-7").workflowId("second")).work("acme", 2);

      assertThat(second.workflowId()).isEqualTo("first");
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'second'"))
          .isEqualTo("0");
      journal.open();
      assertThat(second.getResult()).isEqualTo("acme 1");
      assertThat(first.getResult()).isEqualTo("acme 1");

      WorkflowHandle<String> third = tenants.start(once("report-7").workflowId("third")).work("acme", 3);
      assertThat(third.workflowId()).isEqualTo("third");
      assertThat(third.getResult()).isEqualTo("acme 3");
      assertThat(journal.entries()).containsExactly("acme 1", "acme 3");
    }
  }

  @BothDatabases
  void insideAWorkflowTheHolderReturnedIsRecordedSoARecoveryGetsItAgain(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      dbos.register(QUEUE);
      TenantsDurable tenants = new TenantsDurable(dbos, journal, new Tracker(), Tenants.trackers(), 0, QUEUE);
      dbos.launch();

      WorkflowHandle<String> holder = tenants.start(once("nightly").workflowId("holder")).work("acme", 1);
      WorkflowHandle<String> parent = tenants.start(StartOptions.id("parent")).enqueueOnce("acme", 2, "nightly");
      journal.awaitBlocked();
      // the holder may finish only once the parent's enqueue has met it
      Await.until("the parent to record its enqueue", () -> dbos.listWorkflowSteps("parent").size() == 1, () -> db.steps("parent"));
      journal.open();

      assertThat(parent.getResult()).isEqualTo("holder: acme 1");
      assertThat(holder.getResult()).isEqualTo("acme 1");
      assertThat(db.value("SELECT child_workflow_id FROM " + db.table("operation_outputs")
              + " WHERE workflow_uuid = 'parent' AND function_id = 0"))
          .isEqualTo("holder");
      // re-run from its start: the recorded enqueue gives the same holder back, and enqueues nothing
      WorkflowHandle<String> again = dbos.forkWorkflow("parent", 1, StartOptions.id("parent-again"));
      assertThat(again.getResult()).isEqualTo("holder: acme 1");
      assertThat(journal.entries()).containsExactly("acme 1");
    }
  }

  @BothDatabases
  void returnExistingNeedsADeduplicationId(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.register(QUEUE);
      TenantsDurable tenants = new TenantsDurable(dbos, new Journal(), new Tracker(), Tenants.trackers(), 0, QUEUE);
      dbos.launch();

      assertThatThrownBy(() -> tenants.start(
              StartOptions.defaults().queue(QUEUE).deduplicationPolicy(DeduplicationPolicy.RETURN_EXISTING))
          .work("acme", 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("RETURN_EXISTING needs a deduplication ID");
    }
  }
}
