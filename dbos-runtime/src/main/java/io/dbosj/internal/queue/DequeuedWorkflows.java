package io.dbosj.internal.queue;

import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.StepRecord;
import java.util.Map;

/** What the queue runner hands the workflows it claims to: whoever executes them. */
public interface DequeuedWorkflows {
  /**
   * Takes a workflow the runner is claiming as executing here. Called inside the claiming
   * transaction, before it commits: once another thread can read the row {@code PENDING} for this
   * executor, it is running here (so a recovery does not mistake it for one an ended execution
   * left behind, and queue it a second time). Must not block.
   */
  Reserved reserve(String workflowId);

  /** A claimed workflow taken as executing here, not started yet. */
  interface Reserved {
    /**
     * Starts the workflow with the steps earlier executions recorded, and runs {@code onFinish}
     * once it is no longer running here (at once, if it could not be started).
     */
    void start(StatusRow row, Map<Integer, StepRecord> recordedSteps, Runnable onFinish);

    /** Gives the reservation up: the claim did not commit (the transaction was retried or failed). */
    void release();
  }
}
