package io.dbosj.internal.db;

import io.dbosj.WorkflowState;
import io.dbosj.internal.serde.JsonCodec;

/**
 * A workflow about to be recorded: started ({@code PENDING}) or enqueued ({@code ENQUEUED}, with
 * its queue, deduplication ID and priority), its inputs written in the format {@code
 * serialization} names.
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
    long createdAt,
    String serialization) {

  /** A workflow whose inputs this project wrote: in {@code portable_json}. */
  public NewWorkflow(
      String workflowId, WorkflowState status, String name, String className, String instanceName, String inputs,
      String executorId, String appVersion, String parentWorkflowId, String queueName, String deduplicationId,
      int priority, String forkedFrom, Long timeoutMillis, long createdAt) {
    this(workflowId, status, name, className, instanceName, inputs, executorId, appVersion, parentWorkflowId,
        queueName, deduplicationId, priority, forkedFrom, timeoutMillis, createdAt, JsonCodec.FORMAT);
  }

  /** When the workflow times out, or {@code null}. */
  public Long deadline() {
    return timeoutMillis == null ? null : createdAt + timeoutMillis;
  }
}
