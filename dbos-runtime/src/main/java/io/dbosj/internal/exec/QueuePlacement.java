package io.dbosj.internal.exec;

import io.dbosj.DeduplicationPolicy;
import io.dbosj.StartOptions;
import java.time.Instant;

/**
 * Where and when an enqueued workflow joins its queue, as its start options say: the queue, its
 * deduplication ID and what a held one does, its priority, its partition, and the instant before
 * which it waits as {@code DELAYED} (epoch ms, {@code null} for at once).
 */
public record QueuePlacement(
    String queueName,
    String deduplicationId,
    DeduplicationPolicy deduplicationPolicy,
    int priority,
    String partitionKey,
    Long delayUntil) {

  /** The placement {@code options} give on {@code queueName}, for an enqueue at {@code now}. */
  public static QueuePlacement of(String queueName, StartOptions options, Instant now) {
    if (options.deduplicationPolicy() == DeduplicationPolicy.RETURN_EXISTING && options.deduplicationId() == null) {
      throw new IllegalArgumentException(
          "DeduplicationPolicy.RETURN_EXISTING needs a deduplication ID to find the existing workflow by:"
              + " add .deduplicationId(key) to the start options");
    }
    Instant until = options.delayUntil() != null ? options.delayUntil()
        : options.delay() != null ? now.plus(options.delay()) : null;
    return new QueuePlacement(
        queueName,
        options.deduplicationId(),
        options.deduplicationPolicy(),
        options.priority() == null ? 0 : options.priority(),
        options.queuePartitionKey(),
        until == null ? null : until.toEpochMilli());
  }

  /** Whether start options that set no queue set an option only an enqueue has. */
  static String enqueueOnlyOption(StartOptions options) {
    if (options.delay() != null || options.delayUntil() != null) {
      return "a delay";
    }
    if (options.queuePartitionKey() != null) {
      return "a queue partition key";
    }
    return null;
  }
}
