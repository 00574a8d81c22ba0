package io.dbosj.internal.recovery;

import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.StepRecord;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** What recovery restarts workflows through: whoever executes them in this process. */
public interface RecoveryTarget {
  /** Whether the workflow is executing in this process already. */
  boolean isRunning(String workflowId);

  /**
   * How many recovery attempts the workflow's method allows, or {@code null} if no registered
   * object provides it here (it is left for a process that has its code).
   */
  Integer maxRecoveryAttempts(StatusRow row);

  /**
   * Restarts the workflow with the steps earlier executions recorded ({@code null}: read them).
   * Returns its execution's completion, or {@code null} if it could not be started (logged).
   */
  CompletionStage<?> restart(StatusRow row, Map<Integer, StepRecord> recordedSteps);

  /** Makes the queue runner look at its queues: recovered queued workflows wait there. */
  void wakeQueues();
}
