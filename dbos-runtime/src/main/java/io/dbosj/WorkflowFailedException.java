package io.dbosj;

import java.util.Objects;

/**
 * A workflow or step failed with an exception that cannot be rethrown as itself: a checked
 * exception reported through {@link WorkflowHandle#getResult()}, or a recorded error whose type
 * cannot be rebuilt when it is replayed (only the JDK's common unchecked exceptions and the checked
 * exceptions a durable method declares are rebuilt; nothing else is instantiated from a stored
 * class name).
 *
 * <p>It carries the original's class name and message, and its recorded stack trace as its own.
 */
public class WorkflowFailedException extends DbosException {
  private static final long serialVersionUID = 1L;

  private final String workflowId;
  private final String errorClassName;
  private final String errorMessage;

  public WorkflowFailedException(
      String workflowId, String errorClassName, String errorMessage, Throwable cause) {
    super(describe(workflowId, errorClassName, errorMessage), cause);
    this.workflowId = workflowId;
    this.errorClassName = Objects.requireNonNull(errorClassName, "errorClassName");
    this.errorMessage = errorMessage;
  }

  private static String describe(String workflowId, String className, String message) {
    return "workflow "
        + workflowId
        + " failed with "
        + className
        + (message == null ? "" : ": " + message);
  }

  /** The ID of the workflow that failed. */
  public String workflowId() {
    return workflowId;
  }

  /** The binary class name of the original exception. */
  public String errorClassName() {
    return errorClassName;
  }

  /** The original exception's message, or {@code null}. */
  public String errorMessage() {
    return errorMessage;
  }
}
