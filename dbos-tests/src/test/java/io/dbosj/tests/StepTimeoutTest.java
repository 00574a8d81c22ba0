package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.StepTimeoutException;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.SlowSteps;
import io.dbosj.tests.fixtures.SlowStepsDurable;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;

/**
 * {@code @Step(timeoutSeconds = 0.2)}: an attempt still running at its timeout is interrupted and
 * fails with {@link StepTimeoutException}, which is retried while attempts remain, else recorded,
 * and rethrown as itself on replay. A step that returns in time is not disturbed.
 */
class StepTimeoutTest {

  private static String recordedError(TestDatabase db, String workflowId) throws Exception {
    return db.value(
        "SELECT error FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = ? AND function_id = 0",
        workflowId);
  }

  @BothDatabases
  void aStepSleepingPastItsTimeoutIsInterruptedAndItsTimeoutRecorded(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      SlowStepsDurable steps = new SlowStepsDurable(dbos, new Journal());
      dbos.launch();

      assertThatThrownBy(() -> steps.start(StartOptions.id("sleeper")).sleeping().getResult())
          .isInstanceOf(StepTimeoutException.class)
          .hasMessageContaining("step SlowSteps.sleeps of workflow sleeper timed out after 0.2 s");
      assertThat(steps.attempts()).isEqualTo(1);
      assertThat(recordedError(db, "sleeper")).contains(StepTimeoutException.class.getName());
      assertThat(db.status("sleeper")).isEqualTo("ERROR");
    }
  }

  @BothDatabases
  void aStepOnALatchIsInterruptedOnTheCallersThreadWhichIsNotLeftInterrupted(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      SlowStepsDurable steps = new SlowStepsDurable(dbos, new Journal());
      dbos.launch();

      assertThatThrownBy(steps::waiting)
          .isInstanceOf(StepTimeoutException.class)
          .hasMessageContaining("step SlowSteps.waitsOnLatch of workflow ")
          .hasCauseInstanceOf(InterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
      assertThat(db.value("SELECT error FROM " + db.table("operation_outputs")))
          .contains(StepTimeoutException.class.getName());
      assertThat(db.value("SELECT status FROM " + db.table("workflow_status"))).isEqualTo("ERROR");
    }
  }

  @BothDatabases
  void aTimedOutAttemptIsRetriedAndTheSecondAttemptsResultRecorded(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      SlowStepsDurable steps = new SlowStepsDurable(dbos, journal);
      dbos.launch();

      assertThat(steps.start(StartOptions.id("retried")).retried().getResult()).isEqualTo("done on attempt 2");
      assertThat(journal.entries()).containsExactly("slowOnce attempt 1", "slowOnce attempt 2");
      assertThat(recordedError(db, "retried")).isNull();
      assertThat(db.steps("retried")).containsExactly("0:slowOnce");
    }
  }

  @BothDatabases
  void aTimeoutIsNotRetriedWhenRetryOnDoesNotListIt(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      SlowStepsDurable steps = new SlowStepsDurable(dbos, journal);
      dbos.launch();

      assertThatThrownBy(() -> steps.start(StartOptions.id("io-only")).retriedForIoOnly().getResult())
          .isInstanceOf(StepTimeoutException.class);
      assertThat(journal.entries()).containsExactly("slowOnce attempt 1");
      assertThat(recordedError(db, "io-only")).contains(StepTimeoutException.class.getName());
    }
  }

  @BothDatabases
  void aStepThatReturnsInTimeIsUnaffected(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      SlowStepsDurable steps = new SlowStepsDurable(dbos, journal);
      dbos.launch();

      for (int i = 0; i < 20; i++) {
        assertThat(steps.quick()).isEqualTo("fast");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
      }
      assertThat(journal.count("fast attempt 20")).isEqualTo(1);
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("workflow_status") + " WHERE status = 'SUCCESS'"))
          .isEqualTo("20");
    }
  }

  @BothDatabases
  void aStepThatIgnoresTheInterruptHasItsLateResultDiscarded(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      SlowStepsDurable steps = new SlowStepsDurable(dbos, new Journal());
      dbos.launch();

      WorkflowHandle<String> handle = steps.start(StartOptions.id("stubborn")).stubborn();
      try {
        steps.awaitInterrupted();
      } finally {
        steps.release();
      }

      assertThatThrownBy(handle::getResult).isInstanceOf(StepTimeoutException.class);
      assertThat(recordedError(db, "stubborn")).contains(StepTimeoutException.class.getName());
      assertThat(db.value("SELECT output FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = 'stubborn'"))
          .isNull();
    }
  }

  @BothDatabases
  void closeStopsTheOneTimerThreadTheFirstTimedStepStarted(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      SlowStepsDurable steps = new SlowStepsDurable(dbos, new Journal());
      dbos.launch();
      steps.quick();
      steps.quick();

      assertThat(timerThreads()).isEqualTo(1);
    }
    Await.until("the step timeout timer stopped", () -> timerThreads() == 0, StepTimeoutTest::timerThreads);
  }

  private static long timerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().equals("dbos-step-timeouts"))
        .count();
  }

  @BothDatabases
  void aRecordedTimeoutIsRethrownOnReplayAsAStepTimeoutException(TestDatabase db) throws Exception {
    Journal before = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      SlowStepsDurable steps = new SlowStepsDurable(dbos, before);
      dbos.launch();
      steps.start(StartOptions.id("replayed")).catchesTimeout();
      before.awaitBlocked();
    }
    assertThat(db.steps("replayed")).containsExactly("0:sleeps");

    Journal after = new Journal();
    try (DBOS dbos = db.builder().build()) {
      new SlowStepsDurable(dbos, after);
      dbos.launch();

      assertThat(dbos.<String>retrieveWorkflow("replayed").getResult())
          .startsWith("StepTimeoutException: step SlowSteps.sleeps of workflow replayed timed out after 0.2 s");
      assertThat(after.entries()).containsExactly("gate");
    }
  }
}
