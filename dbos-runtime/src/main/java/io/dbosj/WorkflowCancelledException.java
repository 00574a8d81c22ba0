package io.dbosj;

/**
 * The workflow was cancelled (by {@code cancelWorkflow}, or because its timeout passed): it stops
 * at its next step and is not recovered. {@code resumeWorkflow} continues it.
 */
public class WorkflowCancelledException extends DbosException {
  private static final long serialVersionUID = 1L;

  private final String workflowId;

  public WorkflowCancelledException(String workflowId) {
    super("workflow " + workflowId + " was cancelled; resumeWorkflow(\"" + workflowId + "\") continues it");
    this.workflowId = workflowId;
  }

  public String workflowId() {
    return workflowId;
  }
}
