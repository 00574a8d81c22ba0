package io.dbosj.internal.db;

import io.dbosj.WorkflowState;

/**
 * A workflow about to be recorded: started ({@code PENDING}) or enqueued ({@code ENQUEUED}, with
 * its queue, deduplication ID and priority).
 */
public record NewWorkflow(
    String workflowId,
    WorkflowState status,
    String name,
    String className,
    String instanceName,
    String inputs,
    String executorId,
    String appVersion,
    String parentWorkflowId,
    String queueName,
    String deduplicationId,
    int priority,
    String forkedFrom,
    Long timeoutMillis,
    long createdAt) {

  /** When the workflow times out, or {@code null}. */
  public Long deadline() {
    return timeoutMillis == null ? null : createdAt + timeoutMillis;
  }
}
