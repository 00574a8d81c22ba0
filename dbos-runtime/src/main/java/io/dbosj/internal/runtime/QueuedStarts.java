package io.dbosj.internal.runtime;

import io.dbosj.DbosException;
import io.dbosj.WorkflowState;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.StepRecord;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.exec.DispatchedCalls;
import io.dbosj.internal.exec.DurableCall;
import io.dbosj.internal.exec.WorkflowExecutor;
import io.dbosj.internal.queue.DequeuedWorkflows;
import io.dbosj.internal.serde.JsonCodec;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the workflows a queue runner claimed. One whose recorded inputs cannot be decoded can
 * never run: it ends {@code ERROR}, saying why, so it does not hold its queue's slot forever.
 */
final class QueuedStarts implements DequeuedWorkflows {
  private static final Logger log = LoggerFactory.getLogger(QueuedStarts.class);

  private final DispatchedCalls calls;
  private final WorkflowExecutor executor;
  private final WorkflowStore workflows;
  private final JsonCodec json;

  QueuedStarts(DispatchedCalls calls, WorkflowExecutor executor, WorkflowStore workflows, JsonCodec json) {
    this.calls = calls;
    this.executor = executor;
    this.workflows = workflows;
    this.json = json;
  }

  @Override
  public Reserved reserve(String workflowId) {
    WorkflowExecutor.Reservation reservation = executor.reserve(workflowId);
    return new Reserved() {
      @Override
      public void start(StatusRow row, Map<Integer, StepRecord> recordedSteps, Runnable onFinish) {
        QueuedStarts.this.start(reservation, row, recordedSteps, onFinish);
      }

      @Override
      public void release() {
        executor.release(reservation);
      }
    };
  }

  /** Starts the workflow on its own thread, where its recorded inputs are decoded into its call. */
  private void start(
      WorkflowExecutor.Reservation reservation, StatusRow row, Map<Integer, StepRecord> recordedSteps, Runnable onFinish) {
    executor.resumeMade(reservation, () -> callOf(row), row.deadline(), onFinish, recordedSteps);
  }

  /** The call {@code row} records, or {@code null} if it cannot run here (then said why). */
  private DurableCall<?> callOf(StatusRow row) {
    try {
      return calls.callOf(row); // null: logged, and a process that has the code will run it
    } catch (DispatchedCalls.UndecodableInputs e) {
      fail(row, e);
      return null;
    }
  }

  private void fail(StatusRow row, DispatchedCalls.UndecodableInputs cause) {
    String message =
        "workflow " + row.workflowId() + " dequeued from queue '" + row.queueName() + "' cannot run: "
            + cause.getMessage();
    log.error("{}; it is recorded as ERROR", message);
    workflows.complete(
        row.workflowId(), WorkflowState.ERROR, null, json.encodeError(new DbosException(message, cause)),
        System.currentTimeMillis());
  }
}
