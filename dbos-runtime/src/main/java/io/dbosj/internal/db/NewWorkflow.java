package io.dbosj.internal.db;

import io.dbosj.WorkflowState;
import io.dbosj.internal.serde.JsonCodec;

/**
 * A workflow about to be recorded: started ({@code PENDING}) or enqueued ({@code ENQUEUED}, with
 * its queue, deduplication ID and priority), its inputs written in the format {@code
 * serialization} names. A child started by a workflow with a deadline carries that deadline
 * ({@code parentDeadline}): the child ends by it too. {@code fingerprint} is that of the code the
 * workflow is started with ({@code null} for one started by name, by a process without its code).
 * An enqueued workflow may have a partition of its queue ({@code partitionKey}) and an instant
 * before which it does not join the queue ({@code delayUntil}, epoch ms): then it is recorded
 * {@code DELAYED}.
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
    String fingerprint,
    String partitionKey,
    Long delayUntil) {

  /** A workflow whose inputs this project wrote: in {@code portable_json}. */
  public NewWorkflow(
      String workflowId, WorkflowState status, String name, String className, String instanceName, String inputs,
      String executorId, String appVersion, String parentWorkflowId, String queueName, String deduplicationId,
      int priority, String forkedFrom, Long timeoutMillis, Long parentDeadline, long createdAt, String fingerprint) {
    this(workflowId, status, name, className, instanceName, inputs, executorId, appVersion, parentWorkflowId,
        queueName, deduplicationId, priority, forkedFrom, timeoutMillis, parentDeadline, createdAt, JsonCodec.FORMAT,
        fingerprint, null, null);
  }

  /**
   * This enqueued workflow in partition {@code key} of its queue ({@code null} for none), held
   * back until {@code until} (epoch ms; {@code null} to join the queue at once, as {@code ENQUEUED}).
   */
  public NewWorkflow placed(String key, Long until) {
    return new NewWorkflow(
        workflowId, until == null ? status : WorkflowState.DELAYED, name, className, instanceName, inputs, executorId,
        appVersion, parentWorkflowId, queueName, deduplicationId, priority, forkedFrom, timeoutMillis, parentDeadline,
        createdAt, serialization, fingerprint, key, until);
  }

  /** Whether a queue runner starts it: {@code ENQUEUED} or {@code DELAYED}. */
  public boolean queued() {
    return status == WorkflowState.ENQUEUED || status == WorkflowState.DELAYED;
  }

  /**
   * When the workflow times out, or {@code null}: its own timeout counts from now, or for an
   * enqueued workflow from its dequeue (which sets it then), and never reaches past its parent's.
   */
  public Long deadline() {
    if (timeoutMillis == null || queued()) {
      return parentDeadline;
    }
    long own = createdAt + timeoutMillis;
    return parentDeadline == null ? own : Math.min(own, parentDeadline);
  }
}
