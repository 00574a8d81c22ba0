package io.dbosj.internal.db;

import io.dbosj.WorkflowState;

/**
 * The writes that record a workflow's outcome together with its last step's, which waits for
 * it (see the engine's workflow context). On PostgreSQL they are one statement, so one round
 * trip: the step's insert in a {@code WITH} clause, and the outcome's update only if that insert
 * happened. Elsewhere they are two writes that {@link GroupCommit} keeps all or none.
 */
public final class OutcomeWrites {
  private final StepStore steps;
  private final WorkflowStore workflows;
  private final String stepThenOutcome;

  public OutcomeWrites(SystemDatabase db, StepStore steps, WorkflowStore workflows) {
    this.steps = steps;
    this.workflows = workflows;
    this.stepThenOutcome =
        db.isPostgres()
            ? "with step as (" + steps.insertSql() + " returning 1) " + workflows.completeSql()
                + " and exists (select 1 from step)"
            : null;
  }

  /**
   * The writes recording {@code lastStep} (if not {@code null}) and then the workflow's outcome.
   * Committed, the last count is 1 if the outcome is recorded and 0 if not: then either the step
   * was recorded by another execution first, or the workflow is no longer {@code PENDING}.
   */
  public CheckpointWrite[] of(
      StepRecord lastStep, String workflowId, WorkflowState state, String output, String error, long now) {
    CheckpointWrite outcome = workflows.completeWrite(workflowId, state, output, error, now);
    if (lastStep == null) {
      return new CheckpointWrite[] {outcome};
    }
    CheckpointWrite step = steps.insertWrite(lastStep);
    if (stepThenOutcome == null) {
      return new CheckpointWrite[] {step, outcome};
    }
    Object[] binds = new Object[step.binds().length + outcome.binds().length];
    System.arraycopy(step.binds(), 0, binds, 0, step.binds().length);
    System.arraycopy(outcome.binds(), 0, binds, step.binds().length, outcome.binds().length);
    return new CheckpointWrite[] {new CheckpointWrite(stepThenOutcome, CheckpointWrite.OUTCOME, binds)};
  }
}
