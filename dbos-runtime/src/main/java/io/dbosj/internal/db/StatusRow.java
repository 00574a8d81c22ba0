package io.dbosj.internal.db;

import io.dbosj.WorkflowState;
import io.dbosj.WorkflowStatus;
import java.time.Instant;

/** A {@code workflow_status} row as read. */
public record StatusRow(
    String workflowId,
    String status,
    String name,
    String className,
    String instanceName,
    String inputs,
    String output,
    String error,
    String executorId,
    String appVersion,
    String queueName,
    long recoveryAttempts,
    long createdAt,
    long updatedAt,
    Long deadline,
    Long timeoutMillis) {

  /** This row as claimed at {@code startedAt}: a timeout without a deadline runs from then. */
  StatusRow startedAt(long startedAt) {
    if (deadline != null || timeoutMillis == null) {
      return this;
    }
    return new StatusRow(workflowId, status, name, className, instanceName, inputs, output, error,
        executorId, appVersion, queueName, recoveryAttempts, createdAt, updatedAt,
        startedAt + timeoutMillis, timeoutMillis);
  }

  public WorkflowState state() {
    return WorkflowState.valueOf(status);
  }

  /** The public view of this row. */
  public WorkflowStatus toStatus() {
    return new WorkflowStatus(
        workflowId,
        state(),
        name,
        className,
        instanceName,
        executorId,
        appVersion,
        queueName,
        recoveryAttempts,
        Instant.ofEpochMilli(createdAt),
        Instant.ofEpochMilli(updatedAt));
  }
}
