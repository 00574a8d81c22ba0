package io.dbosj;

/** The status of a workflow, stored under these names in {@code workflow_status.status}. */
public enum WorkflowState {
  /** Running, or waiting for recovery after its process stopped. */
  PENDING,
  /** Waiting on a queue. */
  ENQUEUED,
  /** Enqueued with a delay that has not passed yet: it joins its queue (as {@code ENQUEUED}) then. */
  DELAYED,
  /** Finished with a result. */
  SUCCESS,
  /** Finished with an exception. */
  ERROR,
  /** Cancelled; it will not be recovered. */
  CANCELLED,
  /** Recovery gave up on it after too many attempts. */
  MAX_RECOVERY_ATTEMPTS_EXCEEDED;

  /** Whether the workflow is finished and its status will not change by itself. */
  public boolean isTerminal() {
    return this != PENDING && this != ENQUEUED && this != DELAYED;
  }
}
