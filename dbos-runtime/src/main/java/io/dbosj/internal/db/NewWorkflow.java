package io.dbosj.internal.db;

/** A workflow about to be recorded as started. */
public record NewWorkflow(
    String workflowId,
    String name,
    String className,
    String instanceName,
    String inputs,
    String executorId,
    String appVersion,
    String parentWorkflowId,
    long createdAt) {}
