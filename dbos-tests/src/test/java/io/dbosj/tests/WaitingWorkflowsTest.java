package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowCancelledException;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.WaitingDurable;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;

/** A workflow waiting in recv or getEvent, cancelled, timed out or stopped with its process. */
class WaitingWorkflowsTest {
  private static final long HOUR = 3_600_000;

  @BothDatabases
  void aWorkflowCancelledWhileItWaitsForAMessageStopsWaiting(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      WaitingDurable waiting = new WaitingDurable(dbos);
      dbos.launch();
      WorkflowHandle<String> waiter = waiting.start(StartOptions.id("waiter")).awaitMessage(HOUR);
      awaitWaiting(dbos, "waiter");
      // the event is set before the recv records its deadline: cancel once it waits
      Await.until("the recv recorded its deadline", () -> db.steps("waiter").contains("2:DBOS.sleep"),
          () -> db.steps("waiter"));
      long cancelledAt = System.currentTimeMillis();
      assertThat(dbos.cancelWorkflow("waiter")).isTrue();
      assertThatThrownBy(waiter::getResult).isInstanceOf(WorkflowCancelledException.class);
      assertThat(System.currentTimeMillis() - cancelledAt).isLessThan(HOUR / 2);
      assertThat(db.status("waiter")).isEqualTo("CANCELLED");
      // it stopped waiting: its recv is not recorded, and a message sent now stays unconsumed
      assertThat(db.steps("waiter")).containsExactly("0:DBOS.setEvent", "2:DBOS.sleep");
    }
  }

  @BothDatabases
  void aWorkflowTimeoutEndsAWaitForAnEventAndCancelsTheWorkflow(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      WaitingDurable waiting = new WaitingDurable(dbos);
      dbos.launch();
      WorkflowHandle<String> waiter =
          waiting.start(StartOptions.id("impatient").timeout(Duration.ofMillis(300))).awaitEvent("nobody", HOUR);
      assertThatThrownBy(waiter::getResult).isInstanceOf(WorkflowCancelledException.class);
      assertThat(db.status("impatient")).isEqualTo("CANCELLED");
      assertThat(db.steps("impatient")).containsExactly("0:DBOS.setEvent", "2:DBOS.sleep");
    }
  }

  @BothDatabases
  void aWorkflowWaitingWhenItsProcessClosesStaysPendingAndItsRecoveryKeepsWaiting(TestDatabase db)
      throws Exception {
    try (DBOS dbos = db.builder().build()) {
      WaitingDurable waiting = new WaitingDurable(dbos);
      dbos.launch();
      waiting.start(StartOptions.id("patient")).awaitMessage(HOUR);
      awaitWaiting(dbos, "patient");
      // the event is set before recv records its deadline: close once it waits, not just before
      Await.until("patient's recv records its deadline", () -> db.steps("patient").contains("2:DBOS.sleep"),
          () -> db.steps("patient"));
    }
    assertThat(db.status("patient")).isEqualTo("PENDING");
    try (DBOS dbos = db.builder().build()) {
      new WaitingDurable(dbos);
      dbos.launch();
      dbos.sendMessage("patient", "go now", "go");
      assertThat(dbos.<String>retrieveWorkflow("patient").getResult()).isEqualTo("go now");
      assertThat(db.steps("patient")).containsExactly("0:DBOS.setEvent", "1:DBOS.recv", "2:DBOS.sleep");
    }
  }

  private static void awaitWaiting(DBOS dbos, String workflowId) {
    assertThat(dbos.getWorkflowEvent(workflowId, "waiting", Duration.ofSeconds(30), Boolean.class)).contains(true);
  }
}
