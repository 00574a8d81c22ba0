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

  /** What a test does with a launched {@code DBOS} and its {@code Ledger}. */
  private interface LedgerRun {
    void run(DBOS dbos, LedgerDurable ledger) throws Exception;
  }

  /** {@code run} against a launched DBOS with one Ledger writing to {@code journal}. */
  private static void withLedger(TestDatabase db, Journal journal, LedgerRun run) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, journal, 0);
      dbos.launch();
      run.run(dbos, ledger);
    }
  }

  /** Workflow {@code id} inserts its row, then DBOS stops while it waits at the gate: it stays PENDING. */
  private static void stoppedAfterTheInsert(TestDatabase db, String id) throws Exception {
    db.createExampleTable();
    Journal before = new Journal().closed();
    withLedger(db, before, (dbos, ledger) -> {
      ledger.start(StartOptions.id(id)).insertThenWait("row");
      before.awaitBlocked();
    });
  }

  /**
   * The next launch recovers {@code id} to its result, 1, without inserting the row again, and
   * lists the transaction as step 0 with its output.
   */
  private static void recoveredWithoutInsertingAgain(TestDatabase db, String id) throws Exception {
    Journal after = new Journal();
    withLedger(db, after, (dbos, ledger) -> {
      assertThat(dbos.<Integer>retrieveWorkflow(id).getResult()).isEqualTo(1);
      assertThat(after.entries()).containsExactly("gate");
      assertThat(db.value("SELECT COUNT(*) FROM example_table")).isEqualTo("1");
      assertThat(db.steps(id)).containsExactly("0:insertRow", "1:waitAtGate", "2:countRows");
      assertThat(dbos.listWorkflowSteps(id).get(0).output()).isEqualTo("1");
    });
  }

  /**
   * A workflow that inserted its row, forked at {@code step}: the fork's result, how many times
   * the row was inserted in all, and the fork's listing of the transaction as step 0.
   */
  private static void forkedAt(TestDatabase db, int step, int forkResult, int inserts) throws Exception {
    db.createExampleTable();
    Journal journal = new Journal();
    String fork = "fork-at-" + step;
    withLedger(db, journal, (dbos, ledger) -> {
      assertThat(ledger.start(StartOptions.id("original")).insertThenWait("row").getResult()).isEqualTo(1);

      assertThat(dbos.<Integer>forkWorkflow("original", step, StartOptions.id(fork)).getResult()).isEqualTo(forkResult);

      assertThat(journal.count("insert row")).isEqualTo(inserts);
      assertThat(db.steps(fork)).containsExactly("0:insertRow", "1:waitAtGate", "2:countRows");
      assertThat(dbos.listWorkflowSteps(fork).get(0).output()).isEqualTo("1");
    });
  }

  @BothDatabases
  void transactionsAreListedAsStepsInCallOrderWithTheirOutputs(TestDatabase db) throws Exception {
    db.createExampleTable();
    withLedger(db, new Journal(), (dbos, ledger) -> {
      assertThat(ledger.start(StartOptions.id("listed")).insertThenWait("row").getResult()).isEqualTo(1);

      assertThat(db.steps("listed")).containsExactly("0:insertRow", "1:waitAtGate", "2:countRows");
      List<StepInfo> steps = dbos.listWorkflowSteps("listed");
      assertThat(steps).extracting(StepInfo::name).containsExactly("insertRow", "waitAtGate", "countRows");
      assertThat(steps.get(0).output()).isEqualTo("1");
      assertThat(steps.get(2).output()).isEqualTo("1");
      assertThat(steps.get(0).error()).isNull();
      assertThat(steps.get(0).startedAt()).isNotNull().isBeforeOrEqualTo(steps.get(0).completedAt());
    });
  }

  @BothDatabases
  void aFailedTransactionIsListedWithItsError(TestDatabase db) throws Exception {
    db.createExampleTable();
    withLedger(db, new Journal(), (dbos, ledger) -> {
      assertThat(ledger.start(StartOptions.id("failed")).failThenWait("doomed").getResult())
          .isEqualTo("boom doomed, rows: 0");

      List<StepInfo> steps = dbos.listWorkflowSteps("failed");
      assertThat(steps).extracting(StepInfo::name).containsExactly("insertThenFail", "waitAtGate", "countRows");
      assertThat(steps.get(0).output()).isNull();
      assertThat(steps.get(0).error()).contains("boom doomed");
      assertThat(db.value("SELECT error FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = 'failed' AND function_id = 0"))
          .contains("boom doomed");
    });
  }

  @BothDatabases
  void aTransactionWhoseListingWasLostIsListedOnReplayWithoutRunningAgain(TestDatabase db) throws Exception {
    stoppedAfterTheInsert(db, "relisted");
    // as if the process died after the application commit, before the listing was written
    assertThat(db.update("DELETE FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = 'relisted' AND function_id = 0"))
        .isEqualTo(1);

    recoveredWithoutInsertingAgain(db, "relisted");
  }

  @BothDatabases
  void aTransactionListedAsAStepIsReplayedFromItsListing(TestDatabase db) throws Exception {
    stoppedAfterTheInsert(db, "from-listing");
    // the listing alone, as a fork by DBOS's own tools copies it, is enough to replay it
    db.update("DELETE FROM " + db.table("transaction_outputs") + " WHERE workflow_uuid = 'from-listing'");

    recoveredWithoutInsertingAgain(db, "from-listing");
  }

  @BothDatabases
  void aForkAfterATransactionCopiesItsListingAndDoesNotRunIt(TestDatabase db) throws Exception {
    forkedAt(db, 1, 1, 1);
  }

  @BothDatabases
  void aForkAtATransactionRunsItAgain(TestDatabase db) throws Exception {
    forkedAt(db, 0, 2, 2);
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
