package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.CancelOptions;
import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.StartOptions;
import io.dbosj.StepInfo;
import io.dbosj.WorkflowCancelledException;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.CancellableDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** How far a cancel reaches: descendants, a running step, a durable sleep, a cancel made by a client. */
class CancellationTest {
  /** Far shorter than what the workflows block for (forever, or ten minutes): "at once", with room for a loaded machine. */
  private static final long PROMPTLY_SECONDS = 15;

  private static final long TEN_MINUTES = Duration.ofMinutes(10).toMillis();

  @BothDatabases
  void cancellingAParentWithCancelChildrenCancelsItsRunningDescendantsAndLeavesAFinishedChildFinished(TestDatabase db)
      throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      CancellableDurable family = new CancellableDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> parent = family.start(StartOptions.id("fam")).family();
      journal.awaitBlocked();

      assertThat(dbos.cancelWorkflow("fam", CancelOptions.defaults().cancelChildren(true)))
          .containsExactly("fam", "fam-child", "fam-child-grandchild");
      journal.open(); // the grandchild's step finishes; nothing after it may run

      assertEndsCancelled(parent);
      assertEndsCancelled(dbos.retrieveWorkflow("fam-child"));
      assertEndsCancelled(dbos.retrieveWorkflow("fam-child-grandchild"));
      assertThat(db.status("fam-finished")).isEqualTo("SUCCESS");
      assertThat(journal.entries()).containsExactly("quick", "at gate");
      assertThat(db.steps("fam-child-grandchild")).as("the step that finished after the cancel is not recorded").isEmpty();
    }
  }

  @BothDatabases
  void aDbosClientCancelsAFamilyRunningInTheDbosProcessWithCancelChildren(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      CancellableDurable family = new CancellableDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> parent = family.start(StartOptions.id("fam")).family();
      journal.awaitBlocked();

      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.cancelWorkflow("fam", CancelOptions.defaults().cancelChildren(true)))
            .containsExactly("fam", "fam-child", "fam-child-grandchild");
      }
      journal.open(); // the grandchild's step finishes; nothing after it may run

      assertEndsCancelled(dbos.retrieveWorkflow("fam-child-grandchild"));
      assertEndsCancelled(dbos.retrieveWorkflow("fam-child"));
      assertEndsCancelled(parent);
      assertThat(db.status("fam-finished")).isEqualTo("SUCCESS");
      assertThat(journal.entries()).containsExactly("quick", "at gate");
    }
  }

  @BothDatabases
  void byDefaultACancelStopsOnlyTheWorkflowNamedAsDbosDoes(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      CancellableDurable family = new CancellableDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> parent = family.start(StartOptions.id("fam")).family();
      journal.awaitBlocked();

      assertThat(dbos.cancelWorkflow("fam", CancelOptions.defaults())).containsExactly("fam");
      journal.open();

      assertThat(dbos.<String>retrieveWorkflow("fam-child").getResult()).isEqualTo("through");
      assertEndsCancelled(parent);
      assertThat(journal.entries()).containsExactly("quick", "at gate", "after gate", "middle after grandchild");
    }
  }

  @BothDatabases
  void aWorkflowAwaitingAChildThatIsCancelledFailsWithTheChildsCancellationInsteadOfHanging(TestDatabase db)
      throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      CancellableDurable family = new CancellableDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> parent = family.start(StartOptions.id("orphaned")).family();
      journal.awaitBlocked();

      dbos.cancelWorkflow("orphaned-child-grandchild");
      journal.open();

      assertThatThrownBy(() -> dbos.retrieveWorkflow("orphaned-child").getResult())
          .isInstanceOf(WorkflowCancelledException.class)
          .hasMessageContaining("orphaned-child-grandchild");
      assertThat(db.status("orphaned-child")).as("recorded as its failure").isEqualTo("ERROR");
      assertThatThrownBy(parent::getResult).isInstanceOf(WorkflowCancelledException.class)
          .hasMessageContaining("orphaned-child-grandchild");
      assertThat(db.status("orphaned")).isEqualTo("ERROR");
    }
    try (DBOS dbos = db.builder().build()) {
      new CancellableDurable(dbos, new Journal());
      dbos.launch();
      assertThatThrownBy(() -> dbos.retrieveWorkflow("orphaned-child").getResult())
          .as("read back as the same type").isInstanceOf(WorkflowCancelledException.class)
          .hasMessageContaining("orphaned-child-grandchild");
    }
  }

  @BothDatabases
  void interruptRunningStepEndsAStepBlockedOnALatchAndRecordsNoError(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed(); // never opened: only the interrupt ends the step
    try (DBOS dbos = db.builder().build()) {
      CancellableDurable workflows = new CancellableDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle = workflows.start(StartOptions.id("latched")).gated();
      journal.awaitBlocked();

      dbos.cancelWorkflow("latched", CancelOptions.defaults().interruptRunningStep(true));

      assertEndsCancelled(handle);
      assertNothingRecordedAfterTheCancel(dbos, db, "latched");
      assertThat(journal.entries()).containsExactly("at gate");
    }
  }

  @BothDatabases
  void interruptRunningStepEndsAStepInThreadSleep(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      CancellableDurable workflows = new CancellableDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle = workflows.start(StartOptions.id("asleep")).sleepsInStep(TEN_MINUTES);
      workflows.awaitInStep();

      dbos.cancelWorkflow("asleep", CancelOptions.defaults().interruptRunningStep(true));

      assertEndsCancelled(handle);
      assertNothingRecordedAfterTheCancel(dbos, db, "asleep");
      assertThat(journal.entries()).containsExactly("sleeping");
    }
  }

  @BothDatabases
  void interruptRunningStepEndsAStepInBlockingQueueTake(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      CancellableDurable workflows = new CancellableDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle = workflows.start(StartOptions.id("taking")).takes();
      workflows.awaitInStep();

      dbos.cancelWorkflow("taking", CancelOptions.defaults().interruptRunningStep(true));

      assertEndsCancelled(handle);
      assertNothingRecordedAfterTheCancel(dbos, db, "taking");
    }
  }

  @BothDatabases
  void aDurableSleepOfACancelledWorkflowEndsAtOnce(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      CancellableDurable workflows = new CancellableDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle = workflows.start(StartOptions.id("napping")).sleepsDurably(TEN_MINUTES);
      Await.until("the sleep recorded", () -> db.steps("napping").size() == 2, () -> db.steps("napping"));

      assertThat(dbos.cancelWorkflow("napping")).isTrue();

      assertEndsCancelled(handle);
      assertThat(journal.entries()).containsExactly("before sleep");
    }
  }

  @BothDatabases
  void aCancelFromADbosClientReachesAWorkflowSleepingDurablyInTheDbosProcess(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      CancellableDurable workflows = new CancellableDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle = workflows.start(StartOptions.id("napping")).sleepsDurably(TEN_MINUTES);
      Await.until("the sleep recorded", () -> db.steps("napping").size() == 2, () -> db.steps("napping"));

      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.cancelWorkflow("napping")).isTrue();
      }

      assertEndsCancelled(handle);
      assertThat(journal.entries()).containsExactly("before sleep");
    }
  }

  @BothDatabases
  void aCancelFromADbosClientInterruptsTheRunningStepOfAProcessBuiltToInterrupt(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().interruptStepsCancelledElsewhere(true).build()) {
      CancellableDurable workflows = new CancellableDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle = workflows.start(StartOptions.id("latched")).gated();
      journal.awaitBlocked();

      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.cancelWorkflow("latched", CancelOptions.defaults())).containsExactly("latched");
        assertThatThrownBy(() -> client.cancelWorkflow("latched", CancelOptions.defaults().interruptRunningStep(true)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("interruptStepsCancelledElsewhere(true)");
      }

      assertEndsCancelled(handle);
      assertNothingRecordedAfterTheCancel(dbos, db, "latched");
    }
  }

  @BothDatabases
  void aCancelFromADbosClientLetsTheRunningStepFinishByDefaultAndRunsNothingAfterIt(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      CancellableDurable workflows = new CancellableDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle = workflows.start(StartOptions.id("latched")).gated();
      journal.awaitBlocked();

      try (DBOSClient client = DBOSClient.connect(db.url())) {
        client.cancelWorkflow("latched");
      }
      journal.open();

      assertEndsCancelled(handle);
      assertThat(journal.entries()).containsExactly("at gate");
      assertThat(db.steps("latched")).isEmpty();
    }
  }

  private static void assertNothingRecordedAfterTheCancel(DBOS dbos, TestDatabase db, String workflowId) throws Exception {
    assertThat(db.status(workflowId)).isEqualTo("CANCELLED");
    assertThat(dbos.listWorkflowSteps(workflowId)).extracting(StepInfo::error).allMatch(e -> e == null);
    assertThat(db.steps(workflowId)).as("the interrupted step's outcome is not recorded").isEmpty();
    assertThat(dbos.retrieveWorkflow(workflowId).getStatus().error()).isNull();
  }

  /** The workflow's result, waited for at most {@link #PROMPTLY_SECONDS}, is a cancellation. */
  private static void assertEndsCancelled(WorkflowHandle<?> handle) throws Exception {
    CompletableFuture<Object> result = CompletableFuture.supplyAsync(handle::getResult);
    try {
      result.get(PROMPTLY_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError("workflow " + handle.workflowId() + " succeeded; it should have been cancelled");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(WorkflowCancelledException.class);
    }
  }
}
