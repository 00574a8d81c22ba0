package io.dbosj;

import java.time.Instant;

/**
 * A workflow as recorded in the system database.
 *
 * <p>Its outcome is shown as recorded, never decoded, so that a listing shows every workflow,
 * even one whose output no longer reads as its declared type:
 *
 * <pre>{@code
 * WorkflowStatus s = dbos.retrieveWorkflow("order-42").getStatus();
 * if (s.state() == WorkflowState.ERROR) {
 *   System.out.println(s.error().className() + ": " + s.error().message());
 * } else if (s.state() == WorkflowState.SUCCESS) {
 *   System.out.println(s.output());     // the result as JSON text, e.g. {"total":12}
 * }
 * }</pre>
 *
 * The result as its declared type is what {@link WorkflowHandle#getResult()} returns.
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
 * @param output its result as the JSON text recorded ({@code workflow_status.output}), or {@code
 *     null} if none is recorded (not finished, failed, or a {@code void} workflow)
 * @param error how it failed, as recorded ({@code workflow_status.error}), or {@code null}
 * @param queuePartitionKey the partition of its queue it was enqueued in, or {@code null}
 * @param delayUntil when it joins (or joined) its queue, if it was enqueued with a delay; else
 *     {@code null}
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
    Instant updatedAt,
    String output,
    Failure error,
    String queuePartitionKey,
    Instant delayUntil) {

  /**
   * A recorded failure: the exception's class and message, and the record itself.
   *
   * @param className the binary name of the exception's class, or {@code null} if the record
   *     does not name one (written by other code, or damaged: {@code recorded} shows it)
   * @param message the exception's message, or {@code null}
   * @param recorded the error exactly as recorded: JSON text with the class, message and stack
   */
  public record Failure(String className, String message, String recorded) {
    /** {@code className: message}, or the record itself if it names no class. */
    @Override
    public String toString() {
      if (className == null) {
        return recorded;
      }
      return message == null ? className : className + ": " + message;
    }
  }
}
