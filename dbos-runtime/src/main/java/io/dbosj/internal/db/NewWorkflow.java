package io.dbosj.internal.db;

import io.dbosj.WorkflowState;
import io.dbosj.internal.serde.JsonCodec;

/**
 * A workflow about to be recorded: started ({@code PENDING}) or enqueued ({@code ENQUEUED}, with
 * its queue, deduplication ID and priority), its inputs written in the format {@code
 * serialization} names. A child started by a workflow with a deadline carries that deadline
 * ({@code parentDeadline}): the child ends by it too. {@code fingerprint} is that of the code the
 * workflow is started with ({@code null} for one started by name, by a process without its code).
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
    Long parentDeadline,
    long createdAt,
    String serialization,
    String fingerprint) {

  /** A workflow whose inputs this project wrote: in {@code portable_json}. */
  public NewWorkflow(
      String workflowId, WorkflowState status, String name, String className, String instanceName, String inputs,
      String executorId, String appVersion, String parentWorkflowId, String queueName, String deduplicationId,
      int priority, String forkedFrom, Long timeoutMillis, Long parentDeadline, long createdAt, String fingerprint) {
    this(workflowId, status, name, className, instanceName, inputs, executorId, appVersion, parentWorkflowId,
        queueName, deduplicationId, priority, forkedFrom, timeoutMillis, parentDeadline, createdAt, JsonCodec.FORMAT,
        fingerprint);
  }

  /**
   * When the workflow times out, or {@code null}: its own timeout counts from now, or for an
   * enqueued workflow from its dequeue (which sets it then), and never reaches past its parent's.
   */
  public Long deadline() {
    if (timeoutMillis == null || status == WorkflowState.ENQUEUED) {
      return parentDeadline;
    }
    long own = createdAt + timeoutMillis;
    return parentDeadline == null ? own : Math.min(own, parentDeadline);
  }
}
