package io.dbosj;

/** No workflow has the ID given: a message sent to it, or a stream read from it, has no destination. */
public class NoSuchWorkflowException extends DbosException {
  private static final long serialVersionUID = 1L;

  private final String workflowId;

  public NoSuchWorkflowException(String workflowId, String message) {
    super(message);
    this.workflowId = workflowId;
  }

  /** The ID that names no workflow. */
  public String workflowId() {
    return workflowId;
  }
}
