package io.dbosj.internal.exec;

import io.dbosj.DbosException;
import io.dbosj.DeterminismException;
import io.dbosj.WorkflowCancelledException;
import io.dbosj.WorkflowState;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.StepRecord;
import io.dbosj.internal.db.StepStore;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import io.dbosj.internal.lifecycle.ShutdownFlag;
import io.dbosj.internal.serde.Outcome;
import io.dbosj.internal.serde.OutcomeCodec;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the operations of a running workflow: steps (held until the next operation, see
 * {@link WorkflowContext}), child workflows, durable sleeps, and the deadline check before each
 * step. On re-execution it replays what is recorded instead of running it, and a write that finds
 * another execution's record yields to it.
 */
public final class Checkpointer {
  private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

  static final String SLEEP_NAME = "DBOS.sleep";

  private final WorkflowStore workflows;
  private final StepStore steps;
  private final OutcomeCodec outcomes;
  private final ShutdownFlag shutdown;
  private final StepTimeouts timeouts;

  Checkpointer(
      WorkflowStore workflows, StepStore steps, OutcomeCodec outcomes, ShutdownFlag shutdown, StepTimeouts timeouts) {
    this.workflows = workflows;
    this.steps = steps;
    this.outcomes = outcomes;
    this.shutdown = shutdown;
    this.timeouts = timeouts;
  }

  /** Runs a step of {@code context}'s workflow, or replays its recorded outcome. */
  <R> R runStep(WorkflowContext context, DurableCall<R> call) {
    int functionId = context.beginOperation();
    StepRecord recorded = context.recorded(functionId);
    if (recorded != null) {
      return replay(context, functionId, recorded, call.method()).get();
    }
    shutdown.throwIfSet();
    checkDeadline(context);
    checkCancelled(context);
    long startedAt = System.currentTimeMillis();
    context.enterStep(call.method().name(), functionId);
    context.cancelSignal().enterStep();
    Outcome<R> outcome;
    boolean interruptedByCancel;
    try {
      outcome = StepRetries.run(call.label(), context.workflowId(), call.method().retryPolicy(), timeouts, call.body());
    } finally {
      interruptedByCancel = context.cancelSignal().exitStep();
      context.exitStep();
    }
    if (interruptedByCancel) {
      // whatever the interrupted body returned or threw is not its outcome: nothing is recorded
      throw new WorkflowCancelledException(context.workflowId());
    }
    shutdown.throwIfSet();
    OutcomeCodec.Encoded<R> encoded = outcomes.encode("step " + call.label(), call.method().returnType(), outcome);
    context.holdUnwritten(
        new StepRecord(
            context.workflowId(),
            functionId,
            call.method().name(),
            encoded.output(),
            encoded.error(),
            null,
            startedAt,
            System.currentTimeMillis()));
    return encoded.outcome().get();
  }

  /** Writes the last step's outcome of {@code context}, if it waits; see {@link WorkflowContext}. */
  void writeUnwritten(WorkflowContext context) {
    StepRecord step = context.takeUnwritten();
    if (step != null && !steps.insert(step) && !isRecordedAsIs(step)) {
      throw yieldTo(step);
    }
  }

  /**
   * Whether {@code step} is recorded exactly as given: a write retried after its answer was lost
   * (the commit went through) finds its own row, which is a success, not another execution's.
   */
  boolean isRecordedAsIs(StepRecord step) {
    return steps.find(step.workflowId(), step.functionId()).map(step::equals).orElse(false);
  }

  /**
   * Why a step outcome could not be written: another execution recorded that step first (this
   * one stops, and its callers wait for that one's outcome), or the workflow is no longer pending.
   */
  RuntimeException yieldTo(StepRecord step) {
    if (steps.find(step.workflowId(), step.functionId()).isPresent()) {
      log.info(
          "step {} of workflow {} was recorded by another execution; this one stops and waits for that one",
          step.functionId(),
          step.workflowId());
      return new ExecutedElsewhere();
    }
    return stopped(step.workflowId());
  }

  /**
   * Records operation {@code functionId} as {@code name}, with no output: a marker, such as a
   * patch's. Yields if another execution recorded that operation first.
   */
  void recordMarker(WorkflowContext context, int functionId, String name) {
    long now = System.currentTimeMillis();
    StepRecord record = new StepRecord(context.workflowId(), functionId, name, null, null, null, now, now);
    if (!steps.insert(record) && !isRecordedAsIs(record)) {
      throw yieldTo(record);
    }
  }

  /** Past its deadline, a workflow is cancelled here, as by {@code cancelWorkflow}. */
  void checkDeadline(WorkflowContext context) {
    Long deadline = context.deadline();
    if (deadline != null && System.currentTimeMillis() >= deadline) {
      workflows.cancel(context.workflowId(), System.currentTimeMillis());
      throw new WorkflowCancelledException(context.workflowId());
    }
  }

  /** A cancel that reached this execution (see {@link CancelSignal}) lets no further step start. */
  void checkCancelled(WorkflowContext context) {
    if (context.cancelSignal().isCancelled()) {
      throw new WorkflowCancelledException(context.workflowId());
    }
  }

  /** Why an operation could not be recorded though none is: the workflow is no longer pending. */
  RuntimeException stopped(String workflowId) {
    StatusRow row = workflows.find(workflowId).orElse(null);
    if (row == null || row.state() == WorkflowState.CANCELLED) {
      return new WorkflowCancelledException(workflowId);
    }
    return new DbosException(
        "workflow " + workflowId + " is " + row.status() + "; this execution of it stops here");
  }

  private <R> Outcome<R> replay(
      WorkflowContext context, int functionId, StepRecord recorded, DurableMethod<R> method) {
    if (!recorded.functionName().equals(method.name())) {
      throw new DeterminismException(
          context.workflowId(), functionId, recorded.functionName(), method.name());
    }
    return outcomes.decodeStep(
        context.workflowId(), functionId, method, recorded.serialization(), recorded.output(), recorded.error());
  }

  /**
   * Records that the next operation of {@code parent} starts a child workflow, and returns the
   * child's ID: the one recorded by an earlier execution, else {@code requestedId}, else one
   * derived from the parent's ID and the operation's number.
   */
  String recordChild(WorkflowContext parent, DurableCall<?> call, String requestedId) {
    int functionId = parent.beginOperation();
    StepRecord recorded = parent.recorded(functionId);
    if (recorded != null) {
      if (!recorded.functionName().equals(call.method().name()) || recorded.childWorkflowId() == null) {
        throw new DeterminismException(
            parent.workflowId(), functionId, recorded.functionName(), call.method().name() + " (child workflow)");
      }
      return recorded.childWorkflowId();
    }
    String childId = requestedId != null ? requestedId : parent.workflowId() + "-" + functionId;
    long now = System.currentTimeMillis();
    StepRecord record =
        new StepRecord(parent.workflowId(), functionId, call.method().name(), null, null, childId, now, now);
    if (!steps.insert(record)) {
      StepRecord theirs =
          steps.find(parent.workflowId(), functionId).orElseThrow(() -> stopped(parent.workflowId()));
      return theirs.childWorkflowId() != null ? theirs.childWorkflowId() : childId;
    }
    return childId;
  }

  /** Records the wake-up time of the next operation, a sleep, once; returns the recorded one. */
  private long recordSleep(WorkflowContext context, Duration duration) {
    return recordSleepAt(context, context.beginOperation(), duration);
  }

  /**
   * Records, as operation {@code functionId}, the wake-up time {@code duration} from now, once;
   * returns the recorded one: a wait (a sleep, a recv's timeout) resumed after a restart waits
   * only what remains.
   */
  long recordSleepAt(WorkflowContext context, int functionId, Duration duration) {
    StepRecord recorded = context.recorded(functionId);
    if (recorded != null) {
      if (!recorded.functionName().equals(SLEEP_NAME)) {
        throw new DeterminismException(context.workflowId(), functionId, recorded.functionName(), SLEEP_NAME);
      }
      return Long.parseLong(recorded.output());
    }
    long now = System.currentTimeMillis();
    long wakeAt = now + duration.toMillis();
    StepRecord record =
        new StepRecord(context.workflowId(), functionId, SLEEP_NAME, Long.toString(wakeAt), null, null, now, now);
    if (!steps.insert(record)) {
      return Long.parseLong(
          steps.find(context.workflowId(), functionId).orElseThrow(() -> stopped(context.workflowId())).output());
    }
    return wakeAt;
  }

  /** {@code DBOS.sleep}: a recorded wake-up time, so a restart sleeps only what remains. */
  public static void sleep(Duration duration) {
    WorkflowContext context = CurrentContext.workflow();
    long wakeAt;
    if (context == null || context.currentStep() != null) {
      wakeAt = System.currentTimeMillis() + duration.toMillis();
    } else {
      wakeAt = context.checkpointer().recordSleep(context, duration);
    }
    Long deadline = context == null ? null : context.deadline();
    long until = deadline == null ? wakeAt : Math.min(wakeAt, deadline);
    try {
      if (context == null || context.currentStep() != null) {
        long remaining = until - System.currentTimeMillis();
        if (remaining > 0) {
          Thread.sleep(remaining);
        }
      } else if (context.cancelSignal().sleepUntil(until)) {
        throw new WorkflowCancelledException(context.workflowId());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DbosShutdownException();
    }
    if (deadline != null && until == deadline && deadline < wakeAt) {
      context.checkpointer().checkDeadline(context);
    }
  }
}
