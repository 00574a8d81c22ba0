package io.dbosj;

import java.time.Instant;

/**
 * A workflow as recorded in the system database.
 *
 * @param workflowId the workflow's ID
 * @param state its status
 * @param name the durable name of the workflow method
 * @param className the binary name of the class declaring it
 * @param instanceName the name of the registered instance ({@code ""} for the default one)
 * @param executorId the process that owns it, for recovery
 * @param appVersion the application version that started it
 * @param queueName the queue it was enqueued on, or {@code null}
 * @param recoveryAttempts how many times it has been started, the first start included
 * @param createdAt when it was started
 * @param updatedAt when its row last changed
 */
public record WorkflowStatus(
    String workflowId,
    WorkflowState state,
    String name,
    String className,
    String instanceName,
    String executorId,
    String appVersion,
    String queueName,
    long recoveryAttempts,
    Instant createdAt,
    Instant updatedAt) {}
