package io.dbosj;

/**
 * A workflow was enqueued with a deduplication ID that a live ({@code ENQUEUED} or {@code
 * PENDING}) workflow on the same queue already holds. Nothing was enqueued.
 */
public class QueueDeduplicatedException extends DbosException {
  private static final long serialVersionUID = 1L;

  private final String queueName;
  private final String deduplicationId;

  public QueueDeduplicatedException(String queueName, String deduplicationId, String workflowId) {
    super(
        "workflow "
            + workflowId
            + " was not enqueued: queue '"
            + queueName
            + "' already holds a live workflow with deduplication ID '"
            + deduplicationId
            + "'; enqueue again after it finishes, or use another deduplication ID");
    this.queueName = queueName;
    this.deduplicationId = deduplicationId;
  }

  public String queueName() {
    return queueName;
  }

  public String deduplicationId() {
    return deduplicationId;
  }
}
