package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A checkpoint write whose commit went through but whose answer says it changed nothing, as when
 * a retried write finds the row its lost first attempt committed: the execution recognises its
 * own record and carries on, rather than stop as if another execution had recorded the step.
 * A trigger makes the database answer so: it inserts the step row itself and skips the
 * statement's own insert.
 */
class LostAnswerTest {

  /**
   * Step 1's write everywhere; on PostgreSQL step 2's too, whose write is one statement with the
   * outcome's (on SQLite the two are a transaction that a skipped insert rolls back, trigger's row
   * included, which is not what a lost answer looks like).
   */
  private static void loseTheAnswersOfSteps1And2(TestDatabase db) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      if (db.kind() == TestDatabase.Kind.POSTGRES) {
        s.execute(
            "CREATE FUNCTION dbos.lose_answer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF pg_trigger_depth() = 1 AND NEW.workflow_uuid = 'lost-answer' AND NEW.function_id IN (1, 2) THEN"
                + " INSERT INTO dbos.operation_outputs SELECT (NEW).*; RETURN NULL; END IF; RETURN NEW; END $$");
        s.execute(
            "CREATE TRIGGER lose_answer BEFORE INSERT ON dbos.operation_outputs"
                + " FOR EACH ROW EXECUTE FUNCTION dbos.lose_answer()");
      } else {
        String columns =
            "workflow_uuid, function_id, function_name, output, error, child_workflow_id,"
                + " started_at_epoch_ms, completed_at_epoch_ms, serialization";
        s.execute(
            "CREATE TRIGGER lose_answer BEFORE INSERT ON operation_outputs"
                + " WHEN NEW.workflow_uuid = 'lost-answer' AND NEW.function_id = 1 BEGIN"
                + " INSERT INTO operation_outputs (" + columns + ") VALUES (NEW.workflow_uuid, NEW.function_id,"
                + " NEW.function_name, NEW.output, NEW.error, NEW.child_workflow_id, NEW.started_at_epoch_ms,"
                + " NEW.completed_at_epoch_ms, NEW.serialization);"
                + " SELECT RAISE(IGNORE); END");
      }
    }
  }

  @BothDatabases
  void aStepWriteThatFindsItsOwnRecordContinuesAndTheOutcomeIsRecorded(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      loseTheAnswersOfSteps1And2(db);

      CompletableFuture<String> result =
          CompletableFuture.supplyAsync(() -> orders.start(StartOptions.id("lost-answer")).placeOrder("plum", 7).getResult());

      assertThat(result.get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS)).isEqualTo("reserved-plum/7/lost-answer");
      assertThat(db.status("lost-answer")).isEqualTo("SUCCESS");
      assertThat(db.steps("lost-answer")).containsExactly("0:reserve", "1:charge", "2:ship");
      assertThat(journal.entries()).containsExactly("reserve plum", "charge 7", "ship");
    }
  }
}
