package io.dbosj;

/**
 * A workflow was started with an ID that is already recorded for a different workflow. Workflow
 * IDs are idempotency keys: one ID always names one workflow of one class.
 */
public class ConflictingWorkflowException extends DbosException {
  private static final long serialVersionUID = 1L;

  public ConflictingWorkflowException(String workflowId, String recorded, String requested) {
    super(
        "workflow ID '"
            + workflowId
            + "' is already used by "
            + recorded
            + ", so it cannot start "
            + requested
            + "; use a different workflow ID");
  }
}
