package io.dbosj.internal.exec;

import io.dbosj.internal.db.StepRecord;
import java.util.Map;

/**
 * The state of one workflow execution on its thread: its ID, the outcomes recorded by earlier
 * executions (empty for a fresh workflow), the number of the next durable operation, and the
 * outcome of the last step while it is not yet written.
 *
 * <p>A step's outcome must be durable before the next operation starts and before the
 * workflow's outcome is; no sooner. So it waits here, and is written when the next operation
 * begins, or in the same commit as the workflow's outcome: a workflow of n steps costs n + 1
 * commits, not n + 2.
 */
public final class WorkflowContext {
  private final Checkpointer checkpointer;
  private final WorkflowCommunication communication;
  private final FirstFinished firstFinished;
  private final String workflowId;
  private final Map<Integer, StepRecord> recorded;
  private final Long deadline;
  private final CancelSignal cancelSignal;
  private int nextFunctionId;
  private String currentStep;
  private int currentStepFunctionId = -1;
  private StepRecord unwritten;

  WorkflowContext(
      Checkpointer checkpointer,
      WorkflowCommunication communication,
      FirstFinished firstFinished,
      String workflowId,
      Map<Integer, StepRecord> recorded,
      Long deadline,
      CancelSignal cancelSignal) {
    this.checkpointer = checkpointer;
    this.communication = communication;
    this.firstFinished = firstFinished;
    this.workflowId = workflowId;
    this.recorded = recorded;
    this.deadline = deadline;
    this.cancelSignal = cancelSignal;
  }

  /** How a cancel reaches this execution. */
  CancelSignal cancelSignal() {
    return cancelSignal;
  }

  /** When the workflow times out (epoch milliseconds), or {@code null}. */
  Long deadline() {
    return deadline;
  }

  Checkpointer checkpointer() {
    return checkpointer;
  }

  /** Messages, events and streams of this workflow, recorded as its operations. */
  public WorkflowCommunication communication() {
    return communication;
  }

  /** {@code DBOS.waitFirst} in this workflow, a recorded operation. */
  FirstFinished firstFinished() {
    return firstFinished;
  }

  public String workflowId() {
    return workflowId;
  }

  /**
   * Begins the next durable operation: writes the last step's outcome if it waits, then numbers
   * the operation, in call order: 0, 1, 2, ...
   */
  int beginOperation() {
    checkpointer.writeUnwritten(this);
    return nextFunctionId++;
  }

  /**
   * The number the next operation will get, without taking it: writes the last step's outcome if
   * it waits, as {@link #beginOperation} does. For an operation that exists only if its record
   * does (a patch that an older execution never passed).
   */
  int peekOperation() {
    checkpointer.writeUnwritten(this);
    return nextFunctionId;
  }

  /** Keeps a step's outcome until the next operation or the workflow's outcome is written. */
  void holdUnwritten(StepRecord step) {
    unwritten = step;
  }

  /** The step outcome waiting to be written, now the caller's to write; {@code null} if none. */
  StepRecord takeUnwritten() {
    StepRecord step = unwritten;
    unwritten = null;
    return step;
  }

  /** What an earlier execution recorded for operation {@code functionId}, or {@code null}. */
  StepRecord recorded(int functionId) {
    return recorded.get(functionId);
  }

  /** The step running now, or {@code null} between steps. */
  String currentStep() {
    return currentStep;
  }

  /** The operation number of the step running now; meaningful only while {@link #currentStep} is set. */
  int currentStepFunctionId() {
    return currentStepFunctionId;
  }

  void enterStep(String name, int functionId) {
    currentStep = name;
    currentStepFunctionId = functionId;
  }

  void exitStep() {
    currentStep = null;
    currentStepFunctionId = -1;
  }
}
