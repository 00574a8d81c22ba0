package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DbosException;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.fixtures.ParentDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;

class ChildWorkflowTest {

  @BothDatabases
  void aWorkflowCalledFromAWorkflowIsAChildWithADerivedIdRecordedInTheParent(TestDatabase db)
      throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      ParentDurable parent = new ParentDurable(dbos, journal, orders);
      dbos.launch();

      String result = parent.start(StartOptions.id("parent")).callsChild("melon").getResult();

      assertThat(result).isEqualTo("child said reserved-melon/7/parent-1");
      assertThat(db.steps("parent")).containsExactly("0:note", "1:placeOrder", "2:note");
      assertThat(db.value("SELECT child_workflow_id FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = 'parent' AND function_id = 1"))
          .isEqualTo("parent-1");
      assertThat(db.value("SELECT parent_workflow_id FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'parent-1'"))
          .isEqualTo("parent");
      assertThat(db.status("parent-1")).isEqualTo("SUCCESS");
    }
  }

  @BothDatabases
  void aWorkflowStartedFromAWorkflowIsRecordedSoReplayFindsTheSameChild(TestDatabase db)
      throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      ParentDurable parent = new ParentDurable(dbos, journal, orders);
      dbos.launch();

      String result = parent.start(StartOptions.id("starter")).startsChild("nut").getResult();

      assertThat(result).isEqualTo("starter-0 -> reserved-nut/9/starter-0");
      assertThat(db.steps("starter")).containsExactly("0:placeOrder");
      assertThat(journal.count("reserve nut")).isEqualTo(1);
    }
  }

  @BothDatabases
  void aStepStartedOnItsOwnRunsAsAWorkflowOfThatOneStep(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();

      WorkflowHandle<String> handle = DBOS.startWorkflow(() -> orders.reserve("x"), StartOptions.id("alone"));

      assertThat(handle.getResult()).isEqualTo("reserved-x");
      assertThat(db.steps("alone")).containsExactly("0:reserve");
      assertThat(db.value("SELECT name FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'alone'"))
          .isEqualTo("reserve");
      assertThatThrownBy(() -> DBOS.startWorkflow(() -> "no durable call", StartOptions.defaults()))
          .isInstanceOf(DbosException.class)
          .hasMessageContaining("must call one @Workflow or @Step method");
    }
  }
}
