package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowFailedException;
import io.dbosj.tests.fixtures.Failures;
import io.dbosj.tests.fixtures.FailuresDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;

class StepRetryTest {

  @BothDatabases
  void aFailingStepIsRetriedUpToMaxAttemptsAndItsSuccessRecorded(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      FailuresDurable failures = new FailuresDurable(dbos, journal, 2);
      dbos.launch();

      assertThat(failures.start(StartOptions.id("retry")).retrying().getResult()).isEqualTo("ok after 3");
      assertThat(failures.attempts()).isEqualTo(3);
      assertThat(db.steps("retry")).containsExactly("0:flaky");
      assertThat(db.value("SELECT error FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = 'retry'"))
          .isNull();
    }
  }

  @BothDatabases
  void aStepThatFailsEveryAttemptRecordsAndRethrowsItsLastError(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      FailuresDurable failures = new FailuresDurable(dbos, journal, 99);
      dbos.launch();

      assertThatThrownBy(() -> failures.retrying())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("attempt 3 failed");
      assertThat(failures.attempts()).isEqualTo(3);
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("workflow_status") + " WHERE status = 'ERROR'"))
          .isEqualTo("1");
      assertThat(db.value("SELECT error FROM " + db.table("operation_outputs")))
          .contains("java.lang.IllegalStateException")
          .contains("attempt 3 failed");
    }
  }

  @BothDatabases
  void aDeclaredCheckedExceptionPassesThroughTheCallAndIsWrappedByTheHandle(TestDatabase db)
      throws Exception {
    try (DBOS dbos = db.builder().build()) {
      FailuresDurable failures = new FailuresDurable(dbos, new Journal(), 0);
      dbos.launch();

      assertThatThrownBy(failures::declined)
          .isInstanceOf(Failures.PaymentDeclined.class)
          .hasMessage("card declined for 42");
      assertThatThrownBy(() -> failures.start(StartOptions.id("declined")).declined().getResult())
          .isInstanceOf(WorkflowFailedException.class)
          .hasCauseInstanceOf(Failures.PaymentDeclined.class)
          .hasMessageContaining("card declined for 42");
    }
    try (DBOS dbos = db.builder().build()) {
      new FailuresDurable(dbos, new Journal(), 0);
      dbos.launch();

      assertThatThrownBy(() -> dbos.retrieveWorkflow("declined").getResult())
          .isInstanceOf(WorkflowFailedException.class)
          .hasCauseInstanceOf(Failures.PaymentDeclined.class);
    }
  }
}
