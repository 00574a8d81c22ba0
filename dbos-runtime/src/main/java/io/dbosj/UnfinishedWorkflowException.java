package io.dbosj;

/**
 * A workflow could not be deleted because it, or a descendant deleted with it, has not finished
 * ({@code PENDING}, {@code ENQUEUED}, or DBOS's {@code DELAYED}); nothing was deleted. Cancel it
 * first, then delete it.
 */
public class UnfinishedWorkflowException extends DbosException {
  private static final long serialVersionUID = 1L;

  private final String workflowId;
  private final String status;

  public UnfinishedWorkflowException(String workflowId, String status, String requested) {
    super(
        (workflowId.equals(requested)
                ? "workflow " + workflowId
                : "workflow " + workflowId + ", a descendant of " + requested + ",")
            + " is " + status + ": only finished workflows are deleted, and nothing was. Cancel it first"
            + " (cancelWorkflow, or dbos workflow cancel " + workflowId + "), then delete.");
    this.workflowId = workflowId;
    this.status = status;
  }

  /** The workflow that has not finished. */
  public String workflowId() {
    return workflowId;
  }

  /** Its status as recorded. */
  public String status() {
    return status;
  }
}
