package io.dbosj.internal.queue;

import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.StepRecord;
import java.util.Map;

/** What the queue runner hands the workflows it claimed to: whoever executes them. */
public interface DequeuedWorkflows {
  /**
   * Starts a claimed workflow with the steps earlier executions recorded, and runs {@code
   * onFinish} once it is no longer running here (at once, if it could not be started).
   */
  void start(StatusRow row, Map<Integer, StepRecord> recordedSteps, Runnable onFinish);
}
