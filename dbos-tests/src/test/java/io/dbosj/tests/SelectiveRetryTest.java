package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.tests.fixtures.SelectiveRetries;
import io.dbosj.tests.fixtures.SelectiveRetries.Broken;
import io.dbosj.tests.fixtures.SelectiveRetries.Busy;
import io.dbosj.tests.fixtures.SelectiveRetries.Rejected;
import io.dbosj.tests.fixtures.SelectiveRetriesDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.io.IOException;
import java.util.List;

/**
 * {@code @Step(retryOn = {Busy.class, IOException.class}, noRetryFor = Rejected.class)}: only
 * those exceptions are retried, the others are recorded on their first attempt, and an Error
 * never is retried, not even with {@code retryOn = Throwable.class}.
 */
class SelectiveRetryTest {

  private static String recordedError(TestDatabase db, String workflowId) throws Exception {
    return db.value(
        "SELECT error FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = ?", workflowId);
  }

  @BothDatabases
  void exceptionsOfTheRetryOnClassesAreRetried(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      SelectiveRetriesDurable steps =
          new SelectiveRetriesDurable(dbos, List.of(new Busy("busy"), new IOException("reset")));
      dbos.launch();

      assertThat(steps.start(StartOptions.id("listed")).selective().getResult()).isEqualTo("ok after 3");
      assertThat(steps.attempts()).isEqualTo(3);
      assertThat(recordedError(db, "listed")).isNull();
    }
  }

  @BothDatabases
  void anExceptionOfNoRetryOnClassIsRecordedOnItsFirstAttempt(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      SelectiveRetriesDurable steps =
          new SelectiveRetriesDurable(dbos, List.of(new IllegalArgumentException("bad sku")));
      dbos.launch();

      assertThatThrownBy(steps::selective).isInstanceOf(IllegalArgumentException.class).hasMessage("bad sku");
      assertThat(steps.attempts()).isEqualTo(1);
      assertThat(db.value("SELECT error FROM " + db.table("operation_outputs")))
          .contains(IllegalArgumentException.class.getName())
          .contains("bad sku");
      assertThat(db.value("SELECT status FROM " + db.table("workflow_status"))).isEqualTo("ERROR");
    }
  }

  @BothDatabases
  void aNoRetryForExceptionIsRecordedOnItsFirstAttemptThoughRetryOnCoversIt(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      SelectiveRetriesDurable steps =
          new SelectiveRetriesDurable(dbos, List.of(new Rejected("card refused"), new Busy("never thrown")));
      dbos.launch();

      assertThatThrownBy(steps::selective).isInstanceOf(Rejected.class).hasMessage("card refused");
      assertThat(steps.attempts()).isEqualTo(1);
      assertThat(db.value("SELECT error FROM " + db.table("operation_outputs")))
          .contains(Rejected.class.getName())
          .contains("card refused");
    }
  }

  @BothDatabases
  void anErrorIsNeverRetriedEvenWhenRetryOnListsThrowable(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      SelectiveRetriesDurable steps = new SelectiveRetriesDurable(dbos, List.of(new Broken("corrupt state")));
      dbos.launch();

      assertThatThrownBy(steps::anything).isInstanceOf(Broken.class).hasMessage("corrupt state");
      assertThat(steps.attempts()).isEqualTo(1);
    }
  }

  @BothDatabases
  void retryOnThrowableRetriesAnyException(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      SelectiveRetriesDurable steps =
          new SelectiveRetriesDurable(dbos, List.of(new IllegalStateException("once"), new IOException("twice")));
      dbos.launch();

      assertThat(steps.anything()).isEqualTo("ok after 3");
      assertThat(steps.attempts()).isEqualTo(3);
    }
  }
}
