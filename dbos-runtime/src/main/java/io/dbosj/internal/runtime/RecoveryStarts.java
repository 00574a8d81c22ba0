package io.dbosj.internal.runtime;

import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.StepRecord;
import io.dbosj.internal.exec.DispatchedCalls;
import io.dbosj.internal.exec.DurableCall;
import io.dbosj.internal.exec.WorkflowExecutor;
import io.dbosj.internal.recovery.RecoveryTarget;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Restarts recovered workflows through the dispatch tables on the workflow executor. */
final class RecoveryStarts implements RecoveryTarget {
  private static final Logger log = LoggerFactory.getLogger(RecoveryStarts.class);

  private final DispatchedCalls calls;
  private final WorkflowExecutor executor;
  private final Runnable wakeQueues;

  RecoveryStarts(DispatchedCalls calls, WorkflowExecutor executor, Runnable wakeQueues) {
    this.calls = calls;
    this.executor = executor;
    this.wakeQueues = wakeQueues;
  }

  @Override
  public boolean isRunning(String workflowId) {
    return executor.isRunning(workflowId);
  }

  @Override
  public Integer maxRecoveryAttempts(StatusRow row) {
    return calls.maxRecoveryAttempts(row);
  }

  @Override
  public CompletionStage<?> restart(StatusRow row, Map<Integer, StepRecord> recordedSteps) {
    DurableCall<?> call;
    try {
      call = calls.callOf(row);
    } catch (DispatchedCalls.UndecodableInputs e) {
      log.error("cannot recover workflow {}; it stays {}: {}", row.workflowId(), row.status(), e.getMessage());
      return null;
    }
    if (call == null) {
      return null;
    }
    return executor.resume(call, row.workflowId(), row.deadline(), null, recordedSteps);
  }

  @Override
  public void wakeQueues() {
    wakeQueues.run();
  }
}
