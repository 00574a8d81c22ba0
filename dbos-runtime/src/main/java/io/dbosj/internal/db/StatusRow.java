package io.dbosj.internal.db;

import io.dbosj.UnreadableRow;
import io.dbosj.UnreadableRowException;
import io.dbosj.WorkflowState;
import io.dbosj.WorkflowStatus;
import io.dbosj.internal.serde.RecordedError;
import java.time.Instant;

/** A {@code workflow_status} row as read; {@code serialization} names the format of its inputs, output and error. */
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
    Long timeoutMillis,
    String serialization,
    String partitionKey,
    Long delayUntil) {

  /**
   * This row as claimed at {@code startedAt}: its timeout runs from then, unless a deadline it
   * has already (a parent's, or from an earlier start) comes first.
   */
  StatusRow startedAt(long startedAt) {
    if (timeoutMillis == null || (deadline != null && deadline <= startedAt + timeoutMillis)) {
      return this;
    }
    return new StatusRow(workflowId, status, name, className, instanceName, inputs, output, error,
        executorId, appVersion, queueName, recoveryAttempts, createdAt, updatedAt,
        startedAt + timeoutMillis, timeoutMillis, serialization, partitionKey, delayUntil);
  }

  /**
   * @throws UnreadableRowException if the row's status is not one DBOS defines
   */
  public WorkflowState state() {
    try {
      return WorkflowState.valueOf(status);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new UnreadableRowException(
          new UnreadableRow(
              "workflow_status", workflowId, "status", status,
              "not a workflow status; one of " + java.util.Arrays.toString(WorkflowState.values())));
    }
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
        Instant.ofEpochMilli(updatedAt),
        output,
        RecordedError.describe(error),
        partitionKey,
        delayUntil == null ? null : Instant.ofEpochMilli(delayUntil));
  }
}
