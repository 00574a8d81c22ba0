package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DeterminismException;
import io.dbosj.StartOptions;
import io.dbosj.tests.fixtures.Checkout.Code;
import io.dbosj.tests.fixtures.CheckoutDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Changing a workflow's code while executions recorded by the old code are in flight: each is
 * started by one "deploy" (a DBOS running one state of the code), left blocked at a gate when it
 * closes, and recovered by the next.
 */
class PatchTest {

  @BothDatabases
  void oldExecutionsReplayTheOldPathAndNewOnesRecordThePatchAndTakeTheNew(TestDatabase db) throws Exception {
    deploy(db, Code.OLD, "old", "0:reserve", "1:flatTax");

    Journal patched = deploy(db, Code.PATCHED, "new", "0:reserve", "1:DBOS.patch-regional-tax", "2:regionalTax");

    assertThat(retrieve(db, Code.PATCHED, "old")).isEqualTo("old taxed 10");
    assertThat(db.steps("old")).as("replayed without the patch").containsExactly("0:reserve", "1:flatTax", "2:waitAtGate");
    assertThat(retrieve(db, Code.PATCHED, "new")).isEqualTo("new taxed 7");
    assertThat(db.steps("new")).containsExactly("0:reserve", "1:DBOS.patch-regional-tax", "2:regionalTax", "3:waitAtGate");
    assertThat(patched.entries()).as("the old execution, recovered there too, replayed its steps")
        .containsExactlyInAnyOrder("reserve new", "regional tax");
  }

  @BothDatabases
  void aDeprecatedPatchStepsOverTheMarkersPatchedExecutionsRecordedAndRecordsNone(TestDatabase db) throws Exception {
    deploy(db, Code.PATCHED, "patched", "0:reserve", "1:DBOS.patch-regional-tax", "2:regionalTax");

    deploy(db, Code.DEPRECATED, "deprecated", "0:reserve", "1:regionalTax");

    assertThat(retrieve(db, Code.DEPRECATED, "patched")).isEqualTo("patched taxed 7");
    assertThat(db.steps("patched")).containsExactly("0:reserve", "1:DBOS.patch-regional-tax", "2:regionalTax", "3:waitAtGate");
    assertThat(retrieve(db, Code.DEPRECATED, "deprecated")).isEqualTo("deprecated taxed 7");
    assertThat(db.steps("deprecated")).containsExactly("0:reserve", "1:regionalTax", "2:waitAtGate");
  }

  @BothDatabases
  void aChangeWithoutAPatchFailsTheOldExecutionNamingItsVersionAndThePatch(TestDatabase db) throws Exception {
    deploy(db, Code.OLD, "old", "0:reserve", "1:flatTax");

    assertThatThrownBy(() -> retrieve(db, Code.UNPATCHED_CHANGE, "old"))
        .isInstanceOf(DeterminismException.class)
        .hasMessageContaining("operation #1 was recorded as 'flatTax' (the workflow is recorded with application version v1)")
        .hasMessageContaining("but this run called 'regionalTax'")
        .hasMessageContaining("DBOS.patch(");
    assertThat(db.status("old")).isEqualTo("ERROR");
  }

  @Test
  void patchOutsideAWorkflowBodyIsAClearError() {
    assertThatThrownBy(() -> DBOS.patch("x")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only available inside a @Workflow method");
    assertThatThrownBy(() -> DBOS.deprecatePatch(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a name");
  }

  /**
   * Runs {@code code} as application version v1 (OLD) or v2: starts workflow {@code started} and
   * closes once it waits at the gate with {@code recorded} recorded. Returns the journal of what
   * ran; pending workflows of earlier deploys are recovered there too, and closed at their gate.
   */
  private static Journal deploy(TestDatabase db, Code code, String started, String... recorded) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().appVersion(code == Code.OLD ? "v1" : "v2").build()) {
      CheckoutDurable checkout = new CheckoutDurable(dbos, journal, code);
      dbos.launch();
      checkout.start(StartOptions.id(started)).checkout(started);
      Await.until(started + " waits at the gate", () -> db.steps(started).equals(List.of(recorded)), () -> db.steps(started));
    }
    return journal;
  }

  /** The result, once a DBOS running {@code code}, with the gate open, has recovered it. */
  private static String retrieve(TestDatabase db, Code code, String workflowId) throws Exception {
    try (DBOS dbos = db.builder().appVersion("v3").build()) {
      new CheckoutDurable(dbos, new Journal(), code);
      dbos.launch();
      return dbos.<String>retrieveWorkflow(workflowId).getResult();
    }
  }
}
