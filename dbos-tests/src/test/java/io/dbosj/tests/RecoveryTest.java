package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.util.concurrent.TimeUnit.SECONDS;

import io.dbosj.DBOS;
import io.dbosj.DbosException;
import io.dbosj.DeterminismException;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.BranchingDurable;
import io.dbosj.tests.fixtures.FailuresDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.LimitedDurable;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;
import java.util.List;

/**
 * Recovery within one JVM: a DBOS closed mid-workflow leaves it PENDING (as a crash would), and
 * the next launch with the same executor ID finishes it. The real crash, with SIGKILL, is in
 * {@link CrashRecoveryTest}.
 */
class RecoveryTest {

  @BothDatabases
  void theNextLaunchFinishesAWorkflowFromItsLastRecordedStep(TestDatabase db) throws Exception {
    Journal before = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, before);
      dbos.launch();
      orders.start(StartOptions.id("interrupted")).gatedOrder("lime");
      before.awaitBlocked();
    }
    assertThat(db.status("interrupted")).isEqualTo("PENDING");
    assertThat(before.entries()).containsExactly("reserve lime", "gate");

    Journal after = new Journal();
    try (DBOS dbos = db.builder().build()) {
      new OrdersDurable(dbos, after);
      dbos.launch();
      assertThat(recovered(dbos)).containsExactly("interrupted");
      WorkflowHandle<String> handle = dbos.retrieveWorkflow("interrupted");

      assertThat(handle.getResult()).isEqualTo("reserved-lime/100");
      assertThat(after.entries()).containsExactly("gate", "charge 100");
      assertThat(db.status("interrupted")).isEqualTo("SUCCESS");
      assertThat(db.value("SELECT recovery_attempts FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'interrupted'"))
          .isEqualTo("2");
    }
  }

  @BothDatabases
  void recordedErrorsAreRethrownOnReplayAsTheirOwnTypes(TestDatabase db) throws Exception {
    Journal before = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      FailuresDurable failures = new FailuresDurable(dbos, before, 0);
      dbos.launch();
      failures.start(StartOptions.id("catching")).catching();
      before.awaitBlocked();
    }

    Journal after = new Journal();
    try (DBOS dbos = db.builder().build()) {
      new FailuresDurable(dbos, after, 0);
      dbos.launch();
      String result = dbos.<String>retrieveWorkflow("catching").getResult();

      assertThat(result)
          .isEqualTo(
              "PaymentDeclined: card declined for 500 | IllegalArgumentException: boom");
      assertThat(after.entries()).containsExactly("gate");
    }
  }

  @BothDatabases
  void aReplayThatCallsADifferentStepIsADeterminismError(TestDatabase db) throws Exception {
    Journal before = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      BranchingDurable branching =
          new BranchingDurable(dbos, before, true);
      dbos.launch();
      branching.start(StartOptions.id("branch")).choose();
      before.awaitBlocked();
    }

    Journal after = new Journal();
    try (DBOS dbos = db.builder().build()) {
      new BranchingDurable(dbos, after, false);
      dbos.launch();
      WorkflowHandle<String> handle = dbos.retrieveWorkflow("branch");

      assertThatThrownBy(handle::getResult)
          .isInstanceOf(DbosException.class)
          .hasMessageContaining("'left'")
          .hasMessageContaining("'right'");
      assertThat(after.entries()).isEmpty();
      assertThat(db.status("branch")).isEqualTo("ERROR");
      assertThat(db.value("SELECT error FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'branch'"))
          .contains(DeterminismException.class.getName());
    }
  }

  @BothDatabases
  void aWorkflowThatKeepsFailingRecoveryIsGivenUpOn(TestDatabase db) throws Exception {
    for (int launch = 1; launch <= 3; launch++) {
      Journal journal = new Journal().closed();
      try (DBOS dbos = db.builder().build()) {
        LimitedDurable limited = new LimitedDurable(dbos, journal);
        dbos.launch();
        if (launch == 1) {
          limited.start(StartOptions.id("doomed")).hang();
        }
        if (launch == 2) {
          assertThat(recovered(dbos)).containsExactly("doomed");
        }
        if (launch < 3) {
          journal.awaitBlocked();
        } else {
          assertThat(recovered(dbos)).as("given up on, not restarted").isEmpty();
          assertThat(db.status("doomed")).isEqualTo("MAX_RECOVERY_ATTEMPTS_EXCEEDED");
          assertThat(journal.entries()).isEmpty();
        }
      }
    }
    assertThat(db.value("SELECT recovery_attempts FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'doomed'"))
        .isEqualTo("2");
  }

  @BothDatabases
  void aWorkflowNoRegisteredClassProvidesIsLeftPendingForAnotherProcess(TestDatabase db)
      throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
    }
    long now = System.currentTimeMillis();
    db.update(
        "INSERT INTO " + db.table("workflow_status")
            + " (workflow_uuid, status, name, class_name, config_name, inputs, executor_id, created_at, updated_at, recovery_attempts)"
            + " VALUES ('orphan', 'PENDING', 'gone', 'com.example.Gone', '', '[]', 'local', ?, ?, 1)",
        now,
        now);
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      assertThat(recovered(dbos)).as("the orphan is skipped").isEmpty();
      orders.start(StartOptions.id("alive")).placeOrder("x", 1);
      journal.open();
      assertThat(dbos.<String>retrieveWorkflow("alive").getResult()).startsWith("reserved-x");
    }
    assertThat(db.status("orphan")).isEqualTo("PENDING");
    assertThat(db.value("SELECT recovery_attempts FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'orphan'"))
        .isEqualTo("1");
  }

  @BothDatabases
  void anotherExecutorsWorkflowsAreNotRecovered(TestDatabase db) throws Exception {
    Journal before = new Journal().closed();
    try (DBOS dbos = db.builder().executorId("vm-1").build()) {
      OrdersDurable orders = new OrdersDurable(dbos, before);
      dbos.launch();
      orders.start(StartOptions.id("theirs")).gatedOrder("y");
      before.awaitBlocked();
    }
    Journal after = new Journal();
    try (DBOS dbos = db.builder().executorId("vm-2").build()) {
      new OrdersDurable(dbos, after);
      dbos.launch();
      assertThat(recovered(dbos)).isEmpty();
    }
    assertThat(after.entries()).isEmpty();
    assertThat(db.status("theirs")).isEqualTo("PENDING");
  }

  /**
   * On platform threads recovery starts a few hundred workflows at once and paces the rest by
   * those finishing: workflows that never finish must not keep the others from starting.
   */
  @BothDatabases
  void workflowsThatDoNotFinishDoNotHoldUpTheRecoveryOfTheOthers(TestDatabase db) throws Exception {
    int count = 300; // more than recovery starts at once before pacing
    Journal before = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, before);
      dbos.launch();
      for (int i = 0; i < count; i++) {
        orders.start(StartOptions.id("held-" + i)).gatedOrder("sku-" + i);
      }
      awaitAtGate(before, count);
    }

    Journal after = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      new OrdersDurable(dbos, after);
      dbos.launch();
      assertThat(recovered(dbos)).hasSize(count);
      awaitAtGate(after, count); // every one is running at once, none finished
      after.open();
      for (int i = 0; i < count; i++) {
        assertThat(dbos.<String>retrieveWorkflow("held-" + i).getResult()).isEqualTo("reserved-sku-" + i + "/100");
      }
    }
  }

  @BothDatabases
  void theRecoveryFutureIsOnlyThereOnceLaunched(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      assertThatThrownBy(dbos::recovery)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("launch()");
      dbos.launch();
      dbos.recovery().cancel(true);
      assertThat(recovered(dbos)).as("each call is a new future").isEmpty();
    }
  }

  /** What launch's recovery requeued or started, once it has done so for all it found. */
  static List<String> recovered(DBOS dbos) throws Exception {
    return dbos.recovery().get(Await.DEADLINE.toSeconds(), SECONDS);
  }

  private static void awaitAtGate(Journal journal, int count) throws Exception {
    Await.until(
        count + " workflows at the gate", Duration.ofSeconds(60), () -> journal.count("gate") >= count,
        () -> journal.count("gate") + " there");
  }

  static void awaitStatus(TestDatabase db, String workflowId, String status) throws Exception {
    Await.until(workflowId + " " + status, () -> status.equals(db.status(workflowId)), () -> db.status(workflowId));
  }
}
