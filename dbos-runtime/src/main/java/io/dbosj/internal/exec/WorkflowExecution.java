package io.dbosj.internal.exec;

import io.dbosj.DeterminismException;
import io.dbosj.SystemDatabaseUnreachableException;
import io.dbosj.WorkflowCancelledException;
import io.dbosj.WorkflowState;
import io.dbosj.internal.db.GroupCommit;
import io.dbosj.internal.db.OutcomeWrites;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.StepRecord;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import io.dbosj.internal.lifecycle.ShutdownFlag;
import io.dbosj.internal.serde.Outcome;
import io.dbosj.internal.serde.OutcomeCodec;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One execution of a workflow's body on the calling thread: with its workflow context and its ID
 * in the logging MDC, then its outcome recorded together with its last step, or the recorded
 * outcome of another execution yielded to.
 */
final class WorkflowExecution {
  private static final Logger log = LoggerFactory.getLogger(WorkflowExecution.class);

  /** The MDC key under which the current workflow's ID is logged. */
  static final String MDC_WORKFLOW_ID = "dbos.workflowId";

  private final Checkpointer checkpointer;
  private final WorkflowCommunication communication;
  private final FirstFinished firstFinished;
  private final TransactionRunner transactions;
  private final OutcomeCodec outcomes;
  private final OutcomeWrites outcomeWrites;
  private final GroupCommit groupCommit;
  private final WorkflowStore workflows;
  private final OutcomeWaiter waiter;
  private final ShutdownFlag shutdown;
  private final CancelSignals cancelSignals;

  WorkflowExecution(
      Checkpointer checkpointer,
      WorkflowCommunication communication,
      FirstFinished firstFinished,
      TransactionRunner transactions,
      OutcomeCodec outcomes,
      OutcomeWrites outcomeWrites,
      GroupCommit groupCommit,
      WorkflowStore workflows,
      OutcomeWaiter waiter,
      ShutdownFlag shutdown,
      CancelSignals cancelSignals) {
    this.checkpointer = checkpointer;
    this.communication = communication;
    this.firstFinished = firstFinished;
    this.transactions = transactions;
    this.outcomes = outcomes;
    this.outcomeWrites = outcomeWrites;
    this.groupCommit = groupCommit;
    this.workflows = workflows;
    this.waiter = waiter;
    this.shutdown = shutdown;
    this.cancelSignals = cancelSignals;
  }

  /**
   * Runs the body, then records its outcome (or yields to a recorded one).
   *
   * @throws DbosShutdownException if the runtime closed meanwhile: nothing is recorded
   * @throws ExecutedElsewhere if another execution recorded one of its steps first
   */
  <R> Outcome<R> execute(DurableCall<R> call, String workflowId, Map<Integer, StepRecord> recorded, Long deadline) {
    CancelSignal cancelSignal = cancelSignals.open(workflowId);
    Outcome<R> outcome;
    WorkflowContext context;
    try {
      context = new WorkflowContext(checkpointer, communication, firstFinished, workflowId, recorded, deadline, cancelSignal);
      outcome = runBody(call, context);
    } finally {
      cancelSignals.close(workflowId, cancelSignal);
    }
    if (outcome.error() instanceof DeterminismException d && d.recordedVersion() == null) {
      String version = workflows.find(workflowId).map(StatusRow::appVersion).orElse(null);
      outcome = Outcome.failure(version == null ? d : d.withRecordedVersion(version));
    }
    if (shutdown.isSet() || outcome.error() instanceof DbosShutdownException) {
      throw new DbosShutdownException();
    }
    if (outcome.error() instanceof ExecutedElsewhere elsewhere) {
      throw elsewhere;
    }
    if (SystemDatabaseUnreachableException.isCauseOf(outcome.error())) {
      // the runtime's failure, not the workflow's: nothing is recorded, recovery runs it again
      throw unreachable(outcome.error());
    }
    if (outcome.error() instanceof WorkflowCancelledException cancelled) {
      if (cancelled.workflowId().equals(workflowId)) {
        return outcome; // cancelled: its status says so already, and a resume may follow
      }
      // a child's cancellation, uncaught: past its own deadline (which the child's was) this one is
      // cancelled too; otherwise it failed, and that is recorded like any other error
      long now = System.currentTimeMillis();
      if (deadline != null && now >= deadline) {
        workflows.cancel(workflowId, now);
        return Outcome.failure(new WorkflowCancelledException(workflowId));
      }
    }
    OutcomeCodec.Encoded<R> encoded = outcomes.encode("workflow " + call.label(), call.method().returnType(), outcome);
    WorkflowState state = encoded.error() == null ? WorkflowState.SUCCESS : WorkflowState.ERROR;
    StepRecord lastStep = context.takeUnwritten();
    int[] written =
        groupCommit.commit(
            outcomeWrites.of(lastStep, workflowId, state, encoded.output(), encoded.error(), System.currentTimeMillis()));
    if (written[written.length - 1] == 1) {
      return encoded.outcome();
    }
    StatusRow row = workflows.find(workflowId).orElseThrow();
    if (!row.state().isTerminal() && lastStep != null && checkpointer.isRecordedAsIs(lastStep)) {
      // the step's write went through on an attempt whose answer was lost: record the outcome alone
      written = groupCommit.commit(
          outcomeWrites.of(null, workflowId, state, encoded.output(), encoded.error(), System.currentTimeMillis()));
      if (written[0] == 1) {
        return encoded.outcome();
      }
      row = workflows.find(workflowId).orElseThrow();
    } else if (!row.state().isTerminal() && lastStep != null) {
      throw checkpointer.yieldTo(lastStep);
    }
    log.info("workflow {} was already finished ({}); keeping that outcome", workflowId, row.status());
    return waiter.recordedOutcome(row, call.method());
  }

  private static SystemDatabaseUnreachableException unreachable(Throwable error) {
    for (Throwable c = error; c != null; c = c.getCause()) {
      if (c instanceof SystemDatabaseUnreachableException e) {
        return e;
      }
    }
    throw new IllegalArgumentException("not caused by an unreachable database", error);
  }

  private <R> Outcome<R> runBody(DurableCall<R> call, WorkflowContext context) {
    WorkflowContext previous = CurrentContext.enter(context);
    String previousMdc = MDC.get(MDC_WORKFLOW_ID);
    MDC.put(MDC_WORKFLOW_ID, context.workflowId());
    try {
      return Outcome.success(
          switch (call.method().kind()) {
            case WORKFLOW -> call.body().run();
            case STEP -> checkpointer.runStep(context, call);
            case TRANSACTION -> transactions.runRecorded(context, call);
          });
    } catch (Throwable t) {
      return Outcome.failure(t);
    } finally {
      CurrentContext.restore(previous);
      if (previousMdc == null) {
        MDC.remove(MDC_WORKFLOW_ID);
      } else {
        MDC.put(MDC_WORKFLOW_ID, previousMdc);
      }
    }
  }
}
