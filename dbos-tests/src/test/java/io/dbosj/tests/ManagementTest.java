package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DbosException;
import io.dbosj.StartOptions;
import io.dbosj.StepInfo;
import io.dbosj.WorkflowCancelledException;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowHandle;
import io.dbosj.WorkflowState;
import io.dbosj.WorkflowStatus;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import io.dbosj.tests.support.WorkflowDeadlines;
import java.time.Instant;

class ManagementTest {

  @BothDatabases
  void listWorkflowsFiltersByIdNameStatusTimeAndPages(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("a")).placeOrder("x", 1).getResult();
      Instant between = createdAt(db, "a").plusMillis(1);
      WorkflowDeadlines.awaitClockPast(between.toEpochMilli()); // created_at has millisecond precision
      orders.start(StartOptions.id("b")).placeOrder("y", 2).getResult();
      WorkflowDeadlines.awaitClockPast(createdAt(db, "b").toEpochMilli());
      orders.start(StartOptions.id("c")).sleepy(1).getResult();

      assertThat(dbos.listWorkflows(WorkflowFilter.all())).extracting(WorkflowStatus::workflowId).containsExactly("c", "b", "a");
      assertThat(dbos.listWorkflows(WorkflowFilter.all().newestFirst(false).limit(2))).extracting(WorkflowStatus::workflowId).containsExactly("a", "b");
      assertThat(dbos.listWorkflows(WorkflowFilter.all().offset(1).limit(1))).extracting(WorkflowStatus::workflowId).containsExactly("b");
      assertThat(dbos.listWorkflows(WorkflowFilter.all().name("placeOrder"))).extracting(WorkflowStatus::workflowId).containsExactly("b", "a");
      assertThat(dbos.listWorkflows(WorkflowFilter.all().workflowIds("a", "c"))).extracting(WorkflowStatus::workflowId).containsExactly("c", "a");
      assertThat(dbos.listWorkflows(WorkflowFilter.all().createdAfter(between))).extracting(WorkflowStatus::workflowId).containsExactly("c", "b");
      assertThat(dbos.listWorkflows(WorkflowFilter.all().states(WorkflowState.ERROR))).isEmpty();
      assertThat(dbos.listWorkflows(WorkflowFilter.all().states(WorkflowState.SUCCESS))).hasSize(3);
    }
  }

  @BothDatabases
  void listWorkflowStepsShowsEachRecordedOperationInOrder(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("steps")).placeOrder("kiwi", 3).getResult();

      assertThat(dbos.listWorkflowSteps("steps"))
          .extracting(StepInfo::functionId, StepInfo::name, StepInfo::output)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(0, "reserve", "\"reserved-kiwi\""),
              org.assertj.core.groups.Tuple.tuple(1, "charge", "3"),
              org.assertj.core.groups.Tuple.tuple(2, "ship", null));
      assertThatThrownBy(() -> dbos.listWorkflowSteps("nope"))
          .isInstanceOf(DbosException.class)
          .hasMessageContaining("no workflow with ID 'nope'");
    }
  }

  @BothDatabases
  void aCancelledWorkflowStopsAtItsNextStepAndIsNotRecovered(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle = orders.start(StartOptions.id("cancel-me")).gatedOrder("fig");
      journal.awaitBlocked();

      assertThat(dbos.cancelWorkflow("cancel-me")).isTrue();
      journal.open();
      assertThatThrownBy(handle::getResult).isInstanceOf(WorkflowCancelledException.class);
      assertThat(db.status("cancel-me")).isEqualTo("CANCELLED");
      assertThat(journal.entries()).containsExactly("reserve fig", "gate");
      assertThat(dbos.cancelWorkflow("cancel-me")).as("already finished").isFalse();
      assertThatThrownBy(() -> dbos.cancelWorkflow("unknown")).isInstanceOf(DbosException.class);
    }
    Journal after = new Journal();
    try (DBOS dbos = db.builder().build()) {
      new OrdersDurable(dbos, after);
      dbos.launch();
      assertThat(RecoveryTest.recovered(dbos)).isEmpty();
    }
    assertThat(after.entries()).isEmpty();
    assertThat(db.status("cancel-me")).isEqualTo("CANCELLED");
  }

  @BothDatabases
  void resumeContinuesACancelledWorkflowFromItsLastRecordedStep(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> original = orders.start(StartOptions.id("resume-me")).gatedOrder("lime");
      journal.awaitBlocked();
      dbos.cancelWorkflow("resume-me");
      journal.open();
      assertThatThrownBy(original::getResult).isInstanceOf(WorkflowCancelledException.class);

      WorkflowHandle<String> resumed = dbos.resumeWorkflow("resume-me");

      assertThat(resumed.getResult()).isEqualTo("reserved-lime/100");
      assertThat(journal.count("reserve lime")).isEqualTo(1);
      assertThat(journal.count("charge 100")).isEqualTo(1);
      assertThat(db.status("resume-me")).isEqualTo("SUCCESS");
    }
  }

  @BothDatabases
  void forkReusesTheStepsBeforeItsStartAndRunsTheRestAgain(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      orders.start(StartOptions.id("original")).placeOrder("pear", 5).getResult();

      WorkflowHandle<String> fork = dbos.forkWorkflow("original", 1, StartOptions.id("forked"));

      assertThat(fork.getResult()).isEqualTo("reserved-pear/5/forked");
      assertThat(journal.entries())
          .containsExactly("reserve pear", "charge 5", "ship", "charge 5", "ship");
      assertThat(db.value("SELECT forked_from FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'forked'"))
          .isEqualTo("original");
      assertThat(db.steps("forked")).containsExactly("0:reserve", "1:charge", "2:ship");
      assertThatThrownBy(() -> dbos.forkWorkflow("original", -1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @BothDatabases
  void aWorkflowPastItsTimeoutIsCancelledAtItsNextStep(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle =
          orders.start(StartOptions.id("late").timeout(java.time.Duration.ofMillis(300))).gatedOrder("fig");
      journal.awaitBlocked();
      WorkflowDeadlines.awaitClockPast(WorkflowDeadlines.of(db, "late"));
      journal.open();

      assertThatThrownBy(handle::getResult).isInstanceOf(WorkflowCancelledException.class);
      assertThat(db.status("late")).isEqualTo("CANCELLED");
      assertThat(journal.entries()).doesNotContain("charge 100");
      assertThat(db.value("SELECT workflow_timeout_ms FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'late'"))
          .isEqualTo("300");
    }
  }

  @BothDatabases
  void aDurableSleepEndsAtTheWorkflowsDeadline(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<Long> handle =
          orders.start(StartOptions.id("sleeper").timeout(java.time.Duration.ofMillis(400))).sleepy(60_000);

      assertThatThrownBy(handle::getResult).isInstanceOf(WorkflowCancelledException.class);
      assertThat(journal.entries()).containsExactly("reserve before-sleep");
      assertThat(db.status("sleeper")).isEqualTo("CANCELLED");
    }
  }

  @BothDatabases
  void aClientWithoutTheClassesEnqueuesByNameAndManagesWorkflows(TestDatabase db) throws Exception {
    io.dbosj.Queue queue = io.dbosj.Queue.of("remote");
    try (DBOS dbos = db.builder().build()) {
      dbos.register(queue);
      new OrdersDurable(dbos, new Journal());
      dbos.launch();
      try (io.dbosj.DBOSClient client = io.dbosj.DBOSClient.connect(db.url())) {
        WorkflowHandle<Object> handle =
            client.enqueue(
                "remote",
                io.dbosj.tests.fixtures.Orders.class.getName(),
                "placeOrder",
                StartOptions.id("from-client"),
                "melon",
                12);

        assertThat(handle.getResult()).isEqualTo("reserved-melon/12/from-client");
        assertThat(client.getWorkflow("from-client").state()).isEqualTo(WorkflowState.SUCCESS);
        assertThat(client.listWorkflowSteps("from-client")).hasSize(3);
        assertThat(client.listWorkflows(WorkflowFilter.all().queueName("remote")))
            .extracting(WorkflowStatus::workflowId)
            .containsExactly("from-client");
        assertThat(client.cancelWorkflow("from-client")).isFalse();
      }
    }
  }

  @BothDatabases
  void resumingAWorkflowCancelledByItsTimeoutRunsItWithItsTimeoutStartedAgain(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle =
          orders.start(StartOptions.id("timed").timeout(java.time.Duration.ofMillis(300))).gatedOrder("fig");
      journal.awaitBlocked();
      WorkflowDeadlines.awaitClockPast(WorkflowDeadlines.of(db, "timed"));
      journal.open();
      assertThatThrownBy(handle::getResult).isInstanceOf(WorkflowCancelledException.class);

      WorkflowHandle<String> resumed = dbos.resumeWorkflow("timed");

      assertThat(resumed.getResult()).isEqualTo("reserved-fig/100");
      assertThat(db.status("timed")).isEqualTo("SUCCESS");
      assertThat(journal.entries()).containsOnlyOnce("charge 100");
    }
  }

  @BothDatabases
  void aForkIsRecordedWhollyOrNotAtAll(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("whole")).placeOrder("lime", 7).getResult();
      failInsertsOfStepsOf(db, "broken-fork");

      assertThatThrownBy(() -> dbos.forkWorkflow("whole", 2, StartOptions.id("broken-fork")))
          .isInstanceOf(DbosException.class);

      assertThat(db.rows("SELECT workflow_uuid FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'broken-fork'"))
          .isEmpty();
      assertThat(db.steps("broken-fork")).isEmpty();
    }
  }

  /** A trigger that makes copying steps into {@code workflowId} fail, as a crash mid-fork would stop it. */
  private static void failInsertsOfStepsOf(TestDatabase db, String workflowId) throws Exception {
    if (db.kind() == TestDatabase.Kind.POSTGRES) {
      db.update(
          "CREATE FUNCTION dbos.fail_step_insert() RETURNS trigger AS $$ BEGIN"
              + " RAISE EXCEPTION 'no steps for %', NEW.workflow_uuid; END $$ LANGUAGE plpgsql");
      db.update(
          "CREATE TRIGGER fail_step_insert BEFORE INSERT ON dbos.operation_outputs FOR EACH ROW"
              + " WHEN (NEW.workflow_uuid = '" + workflowId + "') EXECUTE FUNCTION dbos.fail_step_insert()");
    } else {
      db.update(
          "CREATE TRIGGER fail_step_insert BEFORE INSERT ON operation_outputs"
              + " WHEN NEW.workflow_uuid = '" + workflowId + "' BEGIN SELECT RAISE(ABORT, 'no steps'); END");
    }
  }

  private static Instant createdAt(TestDatabase db, String workflowId) throws Exception {
    return Instant.ofEpochMilli(Long.parseLong(
        db.value("SELECT created_at FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", workflowId)));
  }
}
