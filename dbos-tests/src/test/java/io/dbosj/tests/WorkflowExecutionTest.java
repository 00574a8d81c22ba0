package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.ConflictingWorkflowException;
import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.WorkflowState;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Orders;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.util.List;
import java.util.Optional;

class WorkflowExecutionTest {

  @BothDatabases
  void aWorkflowRunsItsStepsInOrderAndRecordsEach(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle = orders.start(StartOptions.id("order-1")).placeOrder("apple", 250);

      assertThat(handle.getResult()).isEqualTo("reserved-apple/250/order-1");
      assertThat(journal.entries()).containsExactly("reserve apple", "charge 250", "ship");
      assertThat(db.status("order-1")).isEqualTo("SUCCESS");
      assertThat(db.steps("order-1")).containsExactly("0:reserve", "1:charge", "2:ship");
      assertThat(db.value("SELECT output FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", "order-1"))
          .isEqualTo("\"reserved-apple/250/order-1\"");
      assertThat(db.value("SELECT inputs FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", "order-1"))
          .isEqualTo("{\"positionalArgs\":[\"apple\",250]}");
      assertThat(handle.getStatus().state()).isEqualTo(WorkflowState.SUCCESS);
      assertThat(handle.getStatus().name()).isEqualTo("placeOrder");
      assertThat(handle.getStatus().className()).isEqualTo(Orders.class.getName());
    }
  }

  @BothDatabases
  void aDirectCallRunsAsAWorkflowWithAGeneratedId(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      String result = orders.placeOrder("pear", 10);

      String workflowId = result.substring(result.lastIndexOf('/') + 1);
      assertThat(workflowId).hasSize(36);
      assertThat(db.status(workflowId)).isEqualTo("SUCCESS");
      assertThat(DBOS.workflowId()).isNull();
    }
  }

  @BothDatabases
  void theWorkflowRowIsPendingBeforeTheFirstStepRuns(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> handle = orders.start(StartOptions.id("gated")).gatedOrder("fig");
      journal.awaitBlocked();

      assertThat(db.status("gated")).isEqualTo("PENDING");
      assertThat(db.steps("gated")).containsExactly("0:reserve");
      assertThat(handle.getStatus().state()).isEqualTo(WorkflowState.PENDING);
      journal.open();
      assertThat(handle.getResult()).isEqualTo("reserved-fig/100");
      assertThat(db.steps("gated")).containsExactly("0:reserve", "1:waitAtGate", "2:charge");
    }
  }

  @BothDatabases
  void startingAgainWithTheSameIdReturnsTheRecordedResultWithoutRunningAgain(TestDatabase db)
      throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      String first = orders.start(StartOptions.id("once")).placeOrder("kiwi", 5).getResult();
      String second = orders.start(StartOptions.id("once")).placeOrder("kiwi", 5).getResult();
      String third = DBOS.startWorkflow(() -> orders.placeOrder("kiwi", 5), StartOptions.id("once")).getResult();

      assertThat(second).isEqualTo(first);
      assertThat(third).isEqualTo(first);
      assertThat(journal.count("reserve kiwi")).isEqualTo(1);
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("workflow_status"))).isEqualTo("1");
    }
  }

  @BothDatabases
  void aSecondStartOfARunningWorkflowAttachesToTheRunningExecution(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      WorkflowHandle<String> first = orders.start(StartOptions.id("shared")).gatedOrder("plum");
      journal.awaitBlocked();
      WorkflowHandle<String> second = orders.start(StartOptions.id("shared")).gatedOrder("plum");
      journal.open();

      assertThat(first.getResult()).isEqualTo("reserved-plum/100");
      assertThat(second.getResult()).isEqualTo("reserved-plum/100");
      assertThat(journal.count("reserve plum")).isEqualTo(1);
      assertThat(journal.count("gate")).isEqualTo(1);
    }
  }

  @BothDatabases
  void anIdUsedByAnotherWorkflowIsRefused(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("taken")).placeOrder("a", 1).getResult();

      assertThatThrownBy(() -> orders.start(StartOptions.id("taken")).sleepy(1))
          .isInstanceOf(ConflictingWorkflowException.class)
          .hasMessageContaining("taken")
          .hasMessageContaining("placeOrder")
          .hasMessageContaining("sleepy");
    }
  }

  @BothDatabases
  void resultsAreReadBackAsTheirDeclaredGenericTypes(TestDatabase db) throws Exception {
    List<Orders.Line> lines = List.of(new Orders.Line("a", 1), new Orders.Line("b", 2));
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("lines")).lines(lines, Optional.of("!")).getResult();
    }
    try (DBOS dbos = db.builder().build()) {
      new OrdersDurable(dbos, new Journal());
      dbos.launch();
      WorkflowHandle<List<Orders.Line>> handle = dbos.retrieveWorkflow("lines");

      List<Orders.Line> result = handle.getResult();
      assertThat(result).containsExactly(new Orders.Line("a!", 2), new Orders.Line("b!", 4));
      assertThat(result.get(0)).isInstanceOf(Orders.Line.class);
    }
  }

  @BothDatabases
  void logLinesInsideAWorkflowCarryItsIdInTheMdc(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();

      assertThat(orders.start(StartOptions.id("traced")).logged().getResult()).isEqualTo("traced");
      assertThat(org.slf4j.MDC.get("dbos.workflowId")).isNull();
    }
  }

  @BothDatabases
  void aWorkflowCalledBeforeLaunchFailsWithAClearMessage(TestDatabase db) {
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());

      assertThatThrownBy(() -> orders.placeOrder("x", 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("dbos.launch()");
    }
  }

  @BothDatabases
  void aDurableObjectCreatedAfterLaunchIsRefused(TestDatabase db) {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();

      assertThatThrownBy(() -> new OrdersDurable(dbos, new Journal()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("OrdersDurable was created after dbos.launch()");
    }
  }

  @BothDatabases
  void twoInstancesOfOneClassNeedDistinctNames(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      new OrdersDurable(dbos, new Journal());
      OrdersDurable eu = new OrdersDurable("eu", dbos, new Journal());

      assertThatThrownBy(() -> new OrdersDurable(dbos, new Journal()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("give each instance its own name");
      dbos.launch();
      eu.start(StartOptions.id("eu-1")).placeOrder("x", 1).getResult();
      assertThat(db.value("SELECT config_name FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'eu-1'"))
          .isEqualTo("eu");
    }
  }
}
