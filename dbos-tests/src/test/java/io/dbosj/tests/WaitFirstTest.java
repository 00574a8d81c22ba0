package io.dbosj.tests;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowCancelledException;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.RacersDurable;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** {@code DBOS.waitFirst} and {@code DBOSClient.waitFirst}: the first of several workflows to finish. */
class WaitFirstTest {

  @BothDatabases
  void waitFirstReturnsTheHandleOfTheWorkflowThatFinishedFirst(TestDatabase db) throws Exception {
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try (DBOS dbos = db.builder().build()) {
      RacersDurable racers = new RacersDurable(dbos);
      dbos.launch();
      WorkflowHandle<String> a = racers.start(StartOptions.id("a")).race("a");
      WorkflowHandle<String> b = racers.start(StartOptions.id("b")).race("b");
      WorkflowHandle<String> c = racers.start(StartOptions.id("c")).race("c");
      CompletableFuture<WorkflowHandle<String>> first =
          CompletableFuture.supplyAsync(() -> DBOS.waitFirst(List.of(a, b, c)), caller);
      racers.open("b");
      assertThat(first.get(30, SECONDS)).isSameAs(b);
      assertThat(first.get().getResult()).isEqualTo("b");

      racers.open("c");
      Await.until("c to finish", () -> "SUCCESS".equals(db.status("c")), () -> db.status("c"));
      assertThat(DBOS.waitFirst(List.of(a, c))).as("a is still running").isSameAs(c);
      racers.open("a");
    } finally {
      caller.shutdownNow();
    }
  }

  @BothDatabases
  void aCancelledOrFailedWorkflowCountsAsFinished(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      RacersDurable racers = new RacersDurable(dbos);
      dbos.launch();
      WorkflowHandle<String> running = racers.start(StartOptions.id("running")).race("running");
      WorkflowHandle<String> failing = racers.start(StartOptions.id("failing")).failUnchecked("failing");
      WorkflowHandle<String> cancelled = racers.start(StartOptions.id("cancelled")).race("cancelled");
      dbos.cancelWorkflow("cancelled");
      assertThat(DBOS.waitFirst(List.of(running, cancelled))).isSameAs(cancelled);
      racers.open("failing");
      assertThat(DBOS.waitFirst(List.of(running, failing))).isSameAs(failing);
      racers.open("running");
    }
  }

  @BothDatabases
  void aClientWaitsForTheFirstOfHandlesFromAnyProcess(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      RacersDurable racers = new RacersDurable(dbos);
      dbos.launch();
      DBOSClient client = DBOSClient.connect(db.url());
      WorkflowHandle<String> slow = racers.start(StartOptions.id("slow")).race("slow");
      WorkflowHandle<String> quick = racers.start(StartOptions.id("quick")).race("quick");
      racers.open("quick");
      // a DBOS's handles and the client's own, for the same workflows
      assertThat(client.waitFirst(List.of(slow, quick))).isSameAs(quick);
      assertThat(client.waitFirst(List.of(client.retrieveWorkflow("slow"), client.retrieveWorkflow("quick"))).workflowId())
          .isEqualTo("quick");
      racers.open("slow");
      client.close();
    }
  }

  @BothDatabases
  void noHandlesOrOneWorkflowTwiceIsRejected(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      RacersDurable racers = new RacersDurable(dbos);
      dbos.launch();
      DBOSClient client = DBOSClient.connect(db.url());
      client.close(); // validation comes before any wait
      assertThatThrownBy(() -> DBOS.waitFirst(List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least one workflow handle");
      assertThatThrownBy(() -> DBOS.waitFirst(null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("was given null");
      assertThatThrownBy(() -> client.waitFirst(List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least one workflow handle");
      WorkflowHandle<String> once = racers.start(StartOptions.id("once")).race("once");
      List<WorkflowHandle<String>> withNull = new ArrayList<>();
      withNull.add(once);
      withNull.add(null);
      assertThatThrownBy(() -> DBOS.waitFirst(withNull))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("null handle, at index 1");
      assertThatThrownBy(() -> DBOS.waitFirst(List.of(once, dbos.retrieveWorkflow("once"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("workflow once twice");
      racers.open("once");
    }
  }

  @BothDatabases
  void insideAWorkflowTheChoiceIsRecordedAsDbosWaitFirst(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      RacersDurable racers = new RacersDurable(dbos);
      dbos.launch();
      WorkflowHandle<String> chooser = racers.start(StartOptions.id("chooser")).firstOf(List.of("x", "y"));
      Await.until("both children to start", () -> dbos.listWorkflowSteps("chooser").size() == 2, () -> db.steps("chooser"));
      racers.open("y");
      assertThat(chooser.getResult()).isEqualTo("chooser-y");
      assertThat(db.steps("chooser")).containsExactly("0:race", "1:race", "2:DBOS.waitFirst");
      assertThat(db.value(
              "SELECT output FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = 'chooser' AND function_id = 2"))
          .as("the chosen ID, as DBOS records it")
          .isEqualTo("\"chooser-y\"");
      racers.open("x");
    }
  }

  @BothDatabases
  void aWorkflowCancelledWhileInWaitFirstStopsWaitingAndRecordsNoChoice(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      RacersDurable racers = new RacersDurable(dbos);
      dbos.launch();
      WorkflowHandle<String> chooser = racers.start(StartOptions.id("impatient")).firstOf(List.of("p", "q"));
      Await.until("both children to start", () -> dbos.listWorkflowSteps("impatient").size() == 2, () -> db.steps("impatient"));
      dbos.cancelWorkflow("impatient");
      assertThatThrownBy(chooser::getResult).isInstanceOf(WorkflowCancelledException.class);
      assertThat(db.steps("impatient")).containsExactly("0:race", "1:race");
      racers.open("p");
      racers.open("q");
    }
  }

  @BothDatabases
  void aWorkflowTimeoutEndsAWaitFirstAndCancelsTheWorkflow(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      RacersDurable racers = new RacersDurable(dbos);
      dbos.launch();
      WorkflowHandle<String> chooser =
          racers.start(StartOptions.id("hurried").timeout(Duration.ofMillis(500))).firstOf(List.of("s", "t"));
      assertThatThrownBy(chooser::getResult).isInstanceOf(WorkflowCancelledException.class);
      assertThat(db.status("hurried")).isEqualTo("CANCELLED");
      assertThat(db.steps("hurried")).containsExactly("0:race", "1:race");
      racers.open("s");
      racers.open("t");
    }
  }

  @BothDatabases
  void aWorkflowInWaitFirstWhenItsDbosClosesStaysPendingAndChoosesOnRecovery(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      RacersDurable racers = new RacersDurable(dbos);
      dbos.launch();
      racers.start(StartOptions.id("interrupted")).firstOf(List.of("m", "n"));
      Await.until("both children to start", () -> dbos.listWorkflowSteps("interrupted").size() == 2, () -> db.steps("interrupted"));
    }
    assertThat(db.status("interrupted")).isEqualTo("PENDING");
    assertThat(db.steps("interrupted")).containsExactly("0:race", "1:race");
    try (DBOS dbos = db.builder().build()) {
      RacersDurable racers = new RacersDurable(dbos);
      dbos.launch();
      racers.open("n");
      assertThat(dbos.<String>retrieveWorkflow("interrupted").getResult()).isEqualTo("interrupted-n");
      racers.open("m");
    }
  }
}
