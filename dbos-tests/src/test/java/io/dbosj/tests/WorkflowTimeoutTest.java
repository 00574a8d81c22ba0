package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowCancelledException;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.DeadlinesDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import io.dbosj.tests.support.WorkflowDeadlines;
import java.time.Duration;

/** A workflow's timeout reaches its children, and a queued one's counts from its dequeue. */
class WorkflowTimeoutTest {

  @BothDatabases
  void aChildCalledByAWorkflowIsCancelledAtItsParentsDeadline(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      Queue queue = Queue.of("children");
      dbos.register(queue);
      DeadlinesDurable parents = new DeadlinesDurable(dbos, journal, new OrdersDurable(dbos, journal), queue);
      dbos.launch();
      WorkflowHandle<String> parent =
          parents.start(StartOptions.id("called").timeout(Duration.ofMillis(300))).callsGatedChild("fig");
      journal.awaitBlocked();

      long deadline = WorkflowDeadlines.of(db, "called");
      assertThat(WorkflowDeadlines.of(db, "called-0")).isEqualTo(deadline);
      assertThat(timeoutOf(db, "called-0")).as("the child has no timeout of its own").isNull();
      WorkflowDeadlines.awaitClockPast(deadline);
      journal.open();

      assertThatThrownBy(() -> dbos.retrieveWorkflow("called-0").getResult())
          .isInstanceOf(WorkflowCancelledException.class);
      assertThatThrownBy(parent::getResult).isInstanceOf(WorkflowCancelledException.class);
      assertThat(db.status("called-0")).isEqualTo("CANCELLED");
      assertThat(journal.entries()).containsExactly("reserve fig", "gate");
    }
  }

  @BothDatabases
  void aChildsInheritedDeadlineSurvivesACrashAndHoldsAfterRecovery(TestDatabase db) throws Exception {
    Journal before = new Journal().closed();
    long deadline;
    try (DBOS dbos = db.builder().build()) {
      Queue queue = Queue.of("children");
      dbos.register(queue);
      DeadlinesDurable parents = new DeadlinesDurable(dbos, before, new OrdersDurable(dbos, before), queue);
      dbos.launch();
      parents.start(StartOptions.id("crashed").timeout(Duration.ofMillis(300))).callsGatedChild("fig");
      before.awaitBlocked();
      deadline = WorkflowDeadlines.of(db, "crashed");
      assertThat(WorkflowDeadlines.of(db, "crashed-0")).isEqualTo(deadline);
    } // as a crash would, close() leaves both PENDING
    assertThat(db.status("crashed-0")).isEqualTo("PENDING");
    WorkflowDeadlines.awaitClockPast(deadline);

    Journal after = new Journal();
    try (DBOS dbos = db.builder().build()) {
      Queue queue = Queue.of("children");
      dbos.register(queue);
      new DeadlinesDurable(dbos, after, new OrdersDurable(dbos, after), queue);
      dbos.launch();

      assertThatThrownBy(() -> dbos.retrieveWorkflow("crashed-0").getResult())
          .isInstanceOf(WorkflowCancelledException.class);
      assertThatThrownBy(() -> dbos.retrieveWorkflow("crashed").getResult())
          .isInstanceOf(WorkflowCancelledException.class);
      assertThat(db.status("crashed-0")).isEqualTo("CANCELLED");
      assertThat(WorkflowDeadlines.of(db, "crashed-0")).as("the recorded deadline").isEqualTo(deadline);
      assertThat(after.entries()).as("nothing after the gate ran").doesNotContain("charge 100");
    }
  }

  @BothDatabases
  void aStartedChildKeepsItsOwnTimeoutWhenShorterAndItsParentsDeadlineWhenNot(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      Queue queue = Queue.of("children");
      dbos.register(queue);
      DeadlinesDurable parents = new DeadlinesDurable(dbos, journal, new OrdersDurable(dbos, journal), queue);
      dbos.launch();
      WorkflowHandle<String> shorter =
          parents.start(StartOptions.id("long-parent").timeout(Duration.ofHours(1))).startsGatedChild("fig", 60_000);
      WorkflowHandle<String> longer =
          parents.start(StartOptions.id("short-parent").timeout(Duration.ofMinutes(2))).startsGatedChild("kiwi", 3_600_000);
      Await.until("both children are recorded", () -> recorded(db, "long-parent-child") && recorded(db, "short-parent-child"),
          () -> db.rows("SELECT workflow_uuid FROM " + db.table("workflow_status")));

      long childCreated = createdAt(db, "long-parent-child");
      assertThat(WorkflowDeadlines.of(db, "long-parent-child")).isEqualTo(childCreated + 60_000);
      assertThat(WorkflowDeadlines.of(db, "long-parent")).isGreaterThan(childCreated + 60_000);
      assertThat(WorkflowDeadlines.of(db, "short-parent-child")).isEqualTo(WorkflowDeadlines.of(db, "short-parent"));
      assertThat(timeoutOf(db, "short-parent-child")).isEqualTo("3600000");
      journal.open();

      assertThat(shorter.getResult()).isEqualTo("reserved-fig/100");
      assertThat(longer.getResult()).isEqualTo("reserved-kiwi/100");
    }
  }

  @BothDatabases
  void anEnqueuedChildCarriesItsParentsDeadline(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      Queue queue = Queue.of("children");
      dbos.register(queue);
      DeadlinesDurable parents = new DeadlinesDurable(dbos, new Journal(), new OrdersDurable(dbos, new Journal()), queue);
      dbos.launch();

      String result = parents.start(StartOptions.id("queued-parent").timeout(Duration.ofMinutes(5))).enqueuesChild("fig").getResult();

      assertThat(result).isEqualTo("reserved-fig/1/queued-parent-child");
      assertThat(WorkflowDeadlines.of(db, "queued-parent-child")).isEqualTo(WorkflowDeadlines.of(db, "queued-parent"));
    }
  }

  @BothDatabases
  void aQueuedWorkflowsTimeoutStartsWhenItIsDequeuedNotWhenEnqueued(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      Queue queue = Queue.of("one-at-a-time").concurrency(1);
      dbos.register(queue);
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> first = orders.start(StartOptions.id("first").queue(queue)).gatedOrder("fig");
      journal.awaitBlocked();
      WorkflowHandle<String> second =
          orders.start(StartOptions.id("second").queue(queue).timeout(Duration.ofMillis(1_000))).placeOrder("kiwi", 5);

      assertThat(WorkflowDeadlines.of(db, "second")).as("no deadline while it waits").isNull();
      WorkflowDeadlines.awaitClockPast(createdAt(db, "second") + 1_000);
      journal.open();

      assertThat(first.getResult()).isEqualTo("reserved-fig/100");
      assertThat(second.getResult()).isEqualTo("reserved-kiwi/5/second");
      long dequeued = Long.parseLong(
          db.value("SELECT started_at_epoch_ms FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'second'"));
      assertThat(WorkflowDeadlines.of(db, "second")).isEqualTo(dequeued + 1_000);
    }
  }

  private static boolean recorded(TestDatabase db, String workflowId) throws Exception {
    return !db.rows("SELECT 1 FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", workflowId).isEmpty();
  }

  private static String timeoutOf(TestDatabase db, String workflowId) throws Exception {
    return db.value("SELECT workflow_timeout_ms FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", workflowId);
  }

  private static long createdAt(TestDatabase db, String workflowId) throws Exception {
    return Long.parseLong(
        db.value("SELECT created_at FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", workflowId));
  }
}
