package io.dbosj.internal.exec;

import io.dbosj.internal.db.StepRecord;
import java.util.Map;

/**
 * The state of one workflow execution on its thread: its ID, the outcomes recorded by earlier
 * executions (empty for a fresh workflow), and the number of the next durable operation.
 */
public final class WorkflowContext {
  private final WorkflowEngine engine;
  private final String workflowId;
  private final Map<Integer, StepRecord> recorded;
  private final Long deadline;
  private int nextFunctionId;
  private String currentStep;

  WorkflowContext(
      WorkflowEngine engine, String workflowId, Map<Integer, StepRecord> recorded, Long deadline) {
    this.engine = engine;
    this.workflowId = workflowId;
    this.recorded = recorded;
    this.deadline = deadline;
  }

  /** When the workflow times out (epoch milliseconds), or {@code null}. */
  Long deadline() {
    return deadline;
  }

  WorkflowEngine engine() {
    return engine;
  }

  public String workflowId() {
    return workflowId;
  }

  /** Numbers the next durable operation, in call order: 0, 1, 2, ... */
  int nextFunctionId() {
    return nextFunctionId++;
  }

  /** What an earlier execution recorded for operation {@code functionId}, or {@code null}. */
  StepRecord recorded(int functionId) {
    return recorded.get(functionId);
  }

  /** The step running now, or {@code null} between steps. */
  String currentStep() {
    return currentStep;
  }

  void enterStep(String name) {
    currentStep = name;
  }

  void exitStep() {
    currentStep = null;
  }
}
