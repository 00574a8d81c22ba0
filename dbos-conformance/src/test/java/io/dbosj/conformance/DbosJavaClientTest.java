package io.dbosj.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbos.transact.DBOSClient;
import dev.dbos.transact.workflow.ForkOptions;
import dev.dbos.transact.workflow.ListWorkflowsInput;
import dev.dbos.transact.workflow.SerializationStrategy;
import dev.dbos.transact.workflow.StepInfo;
import dev.dbos.transact.workflow.WorkflowHandle;
import dev.dbos.transact.workflow.WorkflowState;
import dev.dbos.transact.workflow.WorkflowStatus;
import io.dbosj.conformance.support.ConformanceDatabase;
import io.dbosj.conformance.support.ConformanceTools;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DBOS Transact Java 1.1.0-m6's {@code DBOSClient} (in this JVM, on our Jackson) on the system
 * database of a running io.dbosj app: it lists our workflows and their steps, reads a result and
 * an error, and cancels, resumes, forks and enqueues, which our process carries out.
 */
@ExtendWith(ConformanceTools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DbosJavaClientTest {
  private ConformanceDatabase db;
  private ShopApp app;
  private DBOSClient client;

  @BeforeAll
  void launchTheShop(ConformanceDatabase db) throws Exception {
    this.db = db;
    app = ShopApp.launch(db).seed(db);
    client = new DBOSClient(db.jdbcUrl(), db.user(), db.password());
  }

  @AfterAll
  void stopTheShop() {
    if (client != null) {
      client.close();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void listWorkflowsShowsOurWorkflowsWithTheirNamesStatusesAndOutcomes() {
    Map<String, WorkflowStatus> byId = client
        .listWorkflows(new ListWorkflowsInput().withWorkflowIds(List.of("done", "receipt", "failed", "held")))
        .stream()
        .collect(Collectors.toMap(WorkflowStatus::workflowId, Function.identity()));

    assertThat(byId).containsOnlyKeys("done", "receipt", "failed", "held");
    assertThat(byId.get("done").status()).isEqualTo(WorkflowState.SUCCESS);
    assertThat(byId.get("done").workflowName()).isEqualTo("order");
    assertThat(byId.get("done").className()).isEqualTo(ShopApp.CLASS_NAME);
    assertThat(byId.get("done").input()).containsExactly("apple");
    assertThat(byId.get("done").output()).isEqualTo("reserved-apple");
    assertThat(byId.get("receipt").output()).isEqualTo(Map.of("sku", "apple", "quantity", 2));
    assertThat(byId.get("failed").status()).isEqualTo(WorkflowState.ERROR);
    assertThat(byId.get("failed").error().message()).contains("out of stock: pear");
    assertThat(byId.get("held").status()).isEqualTo(WorkflowState.PENDING);
  }

  @Test
  void listWorkflowStepsShowsTheStepAndTheTransaction() {
    List<StepInfo> steps = client.listWorkflowSteps("done");

    assertThat(steps).extracting(StepInfo::functionId).containsExactly(0, 1);
    assertThat(steps).extracting(StepInfo::functionName).containsExactly("reserve", "recordOrder");
    assertThat(steps).extracting(StepInfo::output).containsExactly("reserved-apple", "recorded-apple");
  }

  @Test
  void getResultReadsOurResultAndOurError() throws Exception {
    WorkflowHandle<String, Exception> done = client.retrieveWorkflow("done");
    assertThat(done.getResult()).isEqualTo("reserved-apple");

    WorkflowHandle<String, Exception> failed = client.retrieveWorkflow("failed");
    assertThatThrownBy(failed::getResult).hasMessageContaining("out of stock: pear");
  }

  @Test
  void cancelStopsAHeldWorkflowAndResumeHasOurProcessFinishIt() throws Exception {
    client.cancelWorkflow("to-cancel");
    assertThat(db.status("to-cancel")).isEqualTo("CANCELLED");
    app.gates.open("lime");

    WorkflowHandle<String, Exception> resumed = client.resumeWorkflow("to-cancel");

    assertThat(resumed.getResult()).isEqualTo("reserved-lime");
    assertThat(db.status("to-cancel")).isEqualTo("SUCCESS");
  }

  @Test
  void forkMakesANewWorkflowThatOurProcessRunsFromTheStepNamed() throws Exception {
    WorkflowHandle<String, Exception> fork = client.forkWorkflow("done", 1, new ForkOptions("done-java-fork"));

    assertThat(fork.getResult()).isEqualTo("reserved-apple");
    assertThat(db.value("SELECT forked_from FROM dbos.workflow_status WHERE workflow_uuid = 'done-java-fork'"))
        .isEqualTo("done");
    assertThat(client.listWorkflowSteps("done-java-fork")).extracting(StepInfo::functionName)
        .containsExactly("reserve", "recordOrder");
  }

  @Test
  void aWorkflowEnqueuedInThePortableFormatRunsHere() throws Exception {
    WorkflowHandle<String, Exception> greet = client.enqueueWorkflow(
        new DBOSClient.EnqueueOptions("greet", ShopApp.CLASS_NAME, ShopApp.REQUESTS.name())
            .withWorkflowId("java-greet-portable")
            .withSerialization(SerializationStrategy.PORTABLE),
        new Object[] {"ada", 2});

    assertThat(greet.getResult()).isEqualTo("hello, ada! hello, ada!");
    assertThat(db.value("SELECT serialization FROM dbos.workflow_status WHERE workflow_uuid = 'java-greet-portable'"))
        .isEqualTo("portable_json");
  }

  @Test
  void aWorkflowEnqueuedInDbosJavasOwnFormatRunsHere() throws Exception {
    WorkflowHandle<String, Exception> greet = client.enqueueWorkflow(
        new DBOSClient.EnqueueOptions("greet", ShopApp.CLASS_NAME, ShopApp.REQUESTS.name())
            .withWorkflowId("java-greet-native"),
        new Object[] {"grace", 1});

    assertThat(greet.getResult()).isEqualTo("hello, grace!");
  }
}
