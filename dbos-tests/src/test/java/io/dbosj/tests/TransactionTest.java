package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.LedgerDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;

class TransactionTest {

  @BothDatabases
  void transactionsWriteAndReadTheApplicationDatabaseAndRecordTheirOutputs(TestDatabase db)
      throws Exception {
    db.createExampleTable();
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, new Journal(), 0);
      dbos.launch();

      assertThat(ledger.start(StartOptions.id("tx")).insertAndCount("dbos").getResult()).isEqualTo(1);
      assertThat(db.value("SELECT name FROM example_table")).isEqualTo("dbos");
      assertThat(db.rows("SELECT function_id, function_name, output FROM " + db.table("transaction_outputs") + " WHERE workflow_uuid = 'tx' ORDER BY function_id"))
          .containsExactly(
              java.util.List.of("0", "insertRow", "1"), java.util.List.of("1", "countRows", "1"));
    }
  }

  @BothDatabases
  void aCommittedTransactionIsReplayedNotRunAgain(TestDatabase db) throws Exception {
    db.createExampleTable();
    Journal before = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, before, 0);
      dbos.launch();
      ledger.start(StartOptions.id("once")).insertThenWait("row");
      before.awaitBlocked();
    }
    Journal after = new Journal();
    try (DBOS dbos = db.builder().build()) {
      new LedgerDurable(dbos, after, 0);
      dbos.launch();

      assertThat(dbos.<Integer>retrieveWorkflow("once").getResult()).isEqualTo(1);
      assertThat(after.entries()).containsExactly("gate");
      assertThat(db.value("SELECT COUNT(*) FROM example_table")).isEqualTo("1");
    }
  }

  @BothDatabases
  void aFailingTransactionRollsBackItsWritesAndItsRecordedErrorIsReplayed(TestDatabase db)
      throws Exception {
    db.createExampleTable();
    Journal before = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, before, 0);
      dbos.launch();
      ledger.start(StartOptions.id("failing")).failThenWait("doomed");
      before.awaitBlocked();
      assertThat(db.value("SELECT COUNT(*) FROM example_table")).isEqualTo("0");
      assertThat(db.value("SELECT error FROM " + db.table("transaction_outputs") + " WHERE workflow_uuid = 'failing'"))
          .contains("boom doomed");
    }
    Journal after = new Journal();
    try (DBOS dbos = db.builder().build()) {
      new LedgerDurable(dbos, after, 0);
      dbos.launch();

      assertThat(dbos.<String>retrieveWorkflow("failing").getResult()).isEqualTo("boom doomed, rows: 0");
      assertThat(after.entries()).containsExactly("gate");
    }
  }

  @BothDatabases
  void serializationFailuresAreRetriedWithoutDuplicatingEffects(TestDatabase db) throws Exception {
    db.createExampleTable();
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, journal, 2);
      dbos.launch();

      assertThat(ledger.start(StartOptions.id("retried")).conflicting("x").getResult()).isEqualTo(1);
      assertThat(journal.count("insert x")).isEqualTo(3);
      assertThat(db.value("SELECT COUNT(*) FROM example_table")).isEqualTo("1");
    }
  }

  @BothDatabases
  void aTransactionThatLosesItsConnectionRunsAgainAndIsNeverRecordedAsAnError(TestDatabase db) throws Exception {
    db.createExampleTable();
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, journal, 2);
      dbos.launch();

      assertThat(ledger.start(StartOptions.id("reconnected")).losingConnection("y").getResult()).isEqualTo(1);
      assertThat(journal.count("insert y")).isEqualTo(3);
      assertThat(db.value("SELECT COUNT(*) FROM example_table")).isEqualTo("1");
      assertThat(db.status("reconnected")).isEqualTo("SUCCESS");
    }
  }

  @BothDatabases
  void theIsolationLevelIsApplied(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, new Journal(), 0);
      dbos.launch();

      assertThat(ledger.isolationLevel()).isEqualTo("serializable");
    }
  }

  @BothDatabases
  void outsideAWorkflowATransactionRunsWithoutBeingRecorded(TestDatabase db) throws Exception {
    db.createExampleTable();
    try (DBOS dbos = db.builder().build()) {
      LedgerDurable ledger = new LedgerDurable(dbos, new Journal(), 0);
      dbos.launch();

      assertThat(ledger.insertRow("plain")).isEqualTo(1);
      assertThat(db.value("SELECT COUNT(*) FROM example_table")).isEqualTo("1");
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("transaction_outputs"))).isEqualTo("0");
    }
  }

  @BothDatabases
  void sqlOutsideATransactionSaysWhereItMayBeCalled(TestDatabase db) {
    assertThatThrownBy(DBOS::sql)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only available inside a @Transaction method");
    assertThat(db).isNotNull();
  }
}
