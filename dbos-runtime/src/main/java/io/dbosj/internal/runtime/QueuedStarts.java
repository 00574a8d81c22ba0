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

  private void start(
      WorkflowExecutor.Reservation reservation, StatusRow row, Map<Integer, StepRecord> recordedSteps, Runnable onFinish) {
    DurableCall<?> call;
    try {
      call = calls.callOf(row);
    } catch (DispatchedCalls.UndecodableInputs e) {
      try {
        fail(row, e);
      } finally {
        executor.release(reservation);
      }
      onFinish.run();
      return;
    } catch (RuntimeException | Error e) {
      executor.release(reservation);
      throw e;
    }
    if (call == null) {
      executor.release(reservation);
      onFinish.run();
      return; // logged: a process that has the code will run it
    }
    executor.resume(reservation, call, row.deadline(), onFinish, recordedSteps);
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
