package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.StepInfo;
import io.dbosj.WorkflowCancelledException;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.LedgerDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.util.List;

/**
 * A {@code @Transaction} inside a workflow is listed as a step in {@code operation_outputs}, where
 * DBOS's tools read steps, while {@code transaction_outputs} stays what decides whether its SQL ran.
 */
class TransactionListingTest {

  @BothDatabases
  void transactionsAreListedAsStepsInCallOrderWithTheirOutputs(TestDatabase db) throws Exception {
    db.createExampleTable();
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, new Journal(), 0);
      dbos.launch();

      assertThat(ledger.start(StartOptions.id("listed")).insertThenWait("row").getResult()).isEqualTo(1);

      assertThat(db.steps("listed")).containsExactly("0:insertRow", "1:waitAtGate", "2:countRows");
      List<StepInfo> steps = dbos.listWorkflowSteps("listed");
      assertThat(steps).extracting(StepInfo::name).containsExactly("insertRow", "waitAtGate", "countRows");
      assertThat(steps.get(0).output()).isEqualTo("1");
      assertThat(steps.get(2).output()).isEqualTo("1");
      assertThat(steps.get(0).error()).isNull();
      assertThat(steps.get(0).startedAt()).isNotNull().isBeforeOrEqualTo(steps.get(0).completedAt());
    }
  }

  @BothDatabases
  void aFailedTransactionIsListedWithItsError(TestDatabase db) throws Exception {
    db.createExampleTable();
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, new Journal(), 0);
      dbos.launch();

      assertThat(ledger.start(StartOptions.id("failed")).failThenWait("doomed").getResult())
          .isEqualTo("boom doomed, rows: 0");

      List<StepInfo> steps = dbos.listWorkflowSteps("failed");
      assertThat(steps).extracting(StepInfo::name).containsExactly("insertThenFail", "waitAtGate", "countRows");
      assertThat(steps.get(0).output()).isNull();
      assertThat(steps.get(0).error()).contains("boom doomed");
      assertThat(db.value("SELECT error FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = 'failed' AND function_id = 0"))
          .contains("boom doomed");
    }
  }

  @BothDatabases
  void aTransactionWhoseListingWasLostIsListedOnReplayWithoutRunningAgain(TestDatabase db) throws Exception {
    db.createExampleTable();
    Journal before = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, before, 0);
      dbos.launch();
      ledger.start(StartOptions.id("relisted")).insertThenWait("row");
      before.awaitBlocked();
    }
    // as if the process died after the application commit, before the listing was written
    assertThat(db.update("DELETE FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = 'relisted' AND function_id = 0"))
        .isEqualTo(1);
    Journal after = new Journal();
    try (DBOS dbos = db.builder().build()) {
      new LedgerDurable(dbos, after, 0);
      dbos.launch();

      assertThat(dbos.<Integer>retrieveWorkflow("relisted").getResult()).isEqualTo(1);
      assertThat(after.entries()).containsExactly("gate");
      assertThat(db.value("SELECT COUNT(*) FROM example_table")).isEqualTo("1");
      assertThat(db.steps("relisted")).containsExactly("0:insertRow", "1:waitAtGate", "2:countRows");
      assertThat(dbos.listWorkflowSteps("relisted").get(0).output()).isEqualTo("1");
    }
  }

  @BothDatabases
  void aTransactionListedAsAStepIsReplayedFromItsListing(TestDatabase db) throws Exception {
    db.createExampleTable();
    Journal before = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, before, 0);
      dbos.launch();
      ledger.start(StartOptions.id("from-listing")).insertThenWait("row");
      before.awaitBlocked();
    }
    // the listing alone, as a fork by DBOS's own tools copies it, is enough to replay it
    db.update("DELETE FROM " + db.table("transaction_outputs") + " WHERE workflow_uuid = 'from-listing'");
    Journal after = new Journal();
    try (DBOS dbos = db.builder().build()) {
      new LedgerDurable(dbos, after, 0);
      dbos.launch();

      assertThat(dbos.<Integer>retrieveWorkflow("from-listing").getResult()).isEqualTo(1);
      assertThat(after.entries()).containsExactly("gate");
      assertThat(db.value("SELECT COUNT(*) FROM example_table")).isEqualTo("1");
    }
  }

  @BothDatabases
  void aForkAfterATransactionCopiesItsListingAndDoesNotRunIt(TestDatabase db) throws Exception {
    db.createExampleTable();
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, journal, 0);
      dbos.launch();
      assertThat(ledger.start(StartOptions.id("original")).insertThenWait("row").getResult()).isEqualTo(1);

      assertThat(dbos.<Integer>forkWorkflow("original", 1, StartOptions.id("after")).getResult()).isEqualTo(1);

      assertThat(journal.count("insert row")).isEqualTo(1);
      assertThat(db.steps("after")).containsExactly("0:insertRow", "1:waitAtGate", "2:countRows");
      assertThat(dbos.listWorkflowSteps("after").get(0).output()).isEqualTo("1");
    }
  }

  @BothDatabases
  void aForkAtATransactionRunsItAgain(TestDatabase db) throws Exception {
    db.createExampleTable();
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, journal, 0);
      dbos.launch();
      assertThat(ledger.start(StartOptions.id("original")).insertThenWait("row").getResult()).isEqualTo(1);

      assertThat(dbos.<Integer>forkWorkflow("original", 0, StartOptions.id("again")).getResult()).isEqualTo(2);

      assertThat(journal.count("insert row")).isEqualTo(2);
      assertThat(db.steps("again")).containsExactly("0:insertRow", "1:waitAtGate", "2:countRows");
      assertThat(dbos.listWorkflowSteps("again").get(0).output()).isEqualTo("1");
    }
  }

  /** SQLite has one writer: a cancel waits for the open transaction, so it cannot land inside it. */
  @BothDatabases
  void aTransactionWhoseWorkflowIsCancelledBeforeItCommitsRollsBackAndAResumeRunsIt(TestDatabase db)
      throws Exception {
    assumeTrue(db.kind() == TestDatabase.Kind.POSTGRES);
    db.createExampleTable();
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, journal, 0);
      dbos.launch();
      WorkflowHandle<Integer> handle = ledger.start(StartOptions.id("cancelled")).insertAtGateThenCount("row");
      journal.awaitBlocked();

      dbos.cancelWorkflow("cancelled");
      journal.open();

      assertThatThrownBy(handle::getResult).isInstanceOf(WorkflowCancelledException.class);
      assertThat(db.value("SELECT COUNT(*) FROM example_table")).isEqualTo("0");
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("transaction_outputs") + " WHERE workflow_uuid = 'cancelled'"))
          .isEqualTo("0");
      assertThat(db.steps("cancelled")).isEmpty();

      assertThat(dbos.<Integer>resumeWorkflow("cancelled").getResult()).isEqualTo(1);
      assertThat(journal.count("insert row")).isEqualTo(2);
      assertThat(db.value("SELECT COUNT(*) FROM example_table")).isEqualTo("1");
      assertThat(db.steps("cancelled")).containsExactly("0:insertAtGate", "1:countRows");
    }
  }

  @BothDatabases
  void withASeparateApplicationDatabaseTransactionsAreListedInTheSystemDatabase(TestDatabase db)
      throws Exception {
    TestDatabase app = db.separateApplicationDatabase();
    app.createExampleTable();
    try (DBOS dbos = db.builder().databaseUrl(app.url()).build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, new Journal(), 0);
      dbos.launch();

      assertThat(ledger.start(StartOptions.id("apart")).insertAndCount("row").getResult()).isEqualTo(1);
      assertThat(ledger.start(StartOptions.id("apart-failed")).failThenWait("doomed").getResult())
          .isEqualTo("boom doomed, rows: 1");

      assertThat(db.steps("apart")).containsExactly("0:insertRow", "1:countRows");
      assertThat(app.value("SELECT COUNT(*) FROM " + app.table("transaction_outputs") + " WHERE workflow_uuid = 'apart'"))
          .isEqualTo("2");
      assertThat(dbos.listWorkflowSteps("apart")).extracting(StepInfo::output).containsExactly("1", "1");
      assertThat(dbos.listWorkflowSteps("apart-failed").get(0).error()).contains("boom doomed");
    }
  }
}
