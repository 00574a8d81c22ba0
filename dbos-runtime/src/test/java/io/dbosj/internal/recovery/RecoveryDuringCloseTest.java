package io.dbosj.internal.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.WorkflowState;
import io.dbosj.internal.config.DatabaseUrl;
import io.dbosj.internal.db.NewWorkflow;
import io.dbosj.internal.db.RunnableScope;
import io.dbosj.internal.db.SchemaMigrations;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.StepRecord;
import io.dbosj.internal.db.StepStore;
import io.dbosj.internal.db.SystemDatabase;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import io.dbosj.internal.lifecycle.ShutdownFlag;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launch's recovery runs in the background, so on a busy machine it may only get to a workflow
 * this process started after launch once close() has stopped it: then it is not running any more,
 * but not this recovery's to restart, and no recovery attempt may be counted for it (a workflow
 * allowed two attempts was given up on at its second launch).
 */
class RecoveryDuringCloseTest {
  @TempDir Path dir;

  @Test
  void aRecoveryThatFindsThisProcessClosingCountsNoAttemptAndStartsNothing() throws Exception {
    try (SystemDatabase db = SystemDatabase.open(DatabaseUrl.parse("sqlite:///" + dir.resolve("r.sqlite")), "test")) {
      SchemaMigrations.migrate(db);
      WorkflowStore workflows = new WorkflowStore(db);
      workflows.insertPending(new NewWorkflow(
          "stopped-by-close", WorkflowState.PENDING, "hang", "Limited", "", "[]", "exec-1", "v1", null, null, null, 0,
          null, null, null, 1_000L, null));
      ShutdownFlag shutdown = new ShutdownFlag();
      shutdown.set();
      WorkflowRecovery recovery =
          new WorkflowRecovery(workflows, new StepStore(db), "exec-1", RunnableScope.ofVersion("v1"), new NothingRuns(), false, shutdown);

      assertThatThrownBy(recovery::recoverPending).isInstanceOf(DbosShutdownException.class);

      StatusRow row = workflows.find("stopped-by-close").orElseThrow();
      assertThat(row.recoveryAttempts()).isEqualTo(1);
      assertThat(row.status()).isEqualTo("PENDING");
    }
  }

  /** A process whose executions have all stopped: nothing runs, and a restart is a failure of the test. */
  private static final class NothingRuns implements RecoveryTarget {
    @Override
    public boolean isRunning(String workflowId) {
      return false;
    }

    @Override
    public Integer maxRecoveryAttempts(StatusRow row) {
      return 2;
    }

    @Override
    public CompletionStage<?> restart(StatusRow row, Map<Integer, StepRecord> recordedSteps) {
      throw new AssertionError("recovery restarted " + row.workflowId() + " while its process was closing");
    }

    @Override
    public void wakeQueues() {}
  }
}
