package io.dbosj.internal.db;

/**
 * What a {@code workflow_status} row records beyond {@link StatusRow}, for the views that show
 * all of it (DBOS's admin API); {@code null} where the row has no value. {@code startedAt} is
 * when it was dequeued or started, {@code attributes} the JSON text as recorded.
 */
public record WorkflowDetails(
    String authenticatedUser,
    String assumedRole,
    String authenticatedRoles,
    String request,
    Integer priority,
    String deduplicationId,
    String queuePartitionKey,
    String forkedFrom,
    String parentWorkflowId,
    Long startedAt,
    Boolean wasForkedFrom,
    Long delayUntil,
    Long completedAt,
    String attributes,
    String scheduleName) {}
