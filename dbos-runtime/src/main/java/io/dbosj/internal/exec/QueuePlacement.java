package io.dbosj.internal.exec;

import io.dbosj.Debounce;
import io.dbosj.DeduplicationPolicy;
import io.dbosj.StartOptions;
import java.time.Instant;

/**
 * Where and when an enqueued workflow joins its queue, as its start options say: the queue, its
 * deduplication ID and what a held one does, its priority, its partition, the instant before
 * which it waits as {@code DELAYED} (epoch ms, {@code null} for at once), and, for a debounced
 * enqueue, the latest instant a later one may push that to (epoch ms, {@code null}: no limit).
 */
public record QueuePlacement(
    String queueName,
    String deduplicationId,
    DeduplicationPolicy deduplicationPolicy,
    int priority,
    String partitionKey,
    Long delayUntil,
    boolean debounced,
    Long debounceDeadline) {

  /** The placement {@code options} give on {@code queueName}, for an enqueue at {@code now}. */
  public static QueuePlacement of(String queueName, StartOptions options, Instant now) {
    if (options.deduplicationPolicy() == DeduplicationPolicy.RETURN_EXISTING && options.deduplicationId() == null) {
      throw new IllegalArgumentException(
          "DeduplicationPolicy.RETURN_EXISTING needs a deduplication ID to find the existing workflow by:"
              + " add .deduplicationId(key) to the start options");
    }
    int priority = options.priority() == null ? 0 : options.priority();
    Debounce debounce = options.debounce();
    if (debounce != null) {
      String clash = options.deduplicationId() != null ? "a deduplication ID"
          : options.delay() != null || options.delayUntil() != null ? "a delay"
          : options.deduplicationPolicy() != DeduplicationPolicy.REJECT ? "a deduplication policy" : null;
      if (clash != null) {
        throw new IllegalArgumentException(
            "a debounced enqueue takes no " + clash + ": the debounce key deduplicates it and its quiet period"
                + " delays it; drop one of the two from the start options");
      }
      return new QueuePlacement(
          queueName, debounce.key(), DeduplicationPolicy.REJECT, priority, options.queuePartitionKey(),
          now.plus(debounce.quietPeriod()).toEpochMilli(), true,
          debounce.maxWait() == null ? null : now.plus(debounce.maxWait()).toEpochMilli());
    }
    Instant until = options.delayUntil() != null ? options.delayUntil()
        : options.delay() != null ? now.plus(options.delay()) : null;
    return new QueuePlacement(
        queueName,
        options.deduplicationId(),
        options.deduplicationPolicy(),
        priority,
        options.queuePartitionKey(),
        until == null ? null : until.toEpochMilli(),
        false,
        null);
  }

  /**
   * The deduplication ID recorded for workflow {@code className.workflowName}: for a debounce,
   * its key as DBOS's debouncers write it ({@code class.workflow-key}), so that a DBOS debouncer
   * and this one coalesce onto the same workflow, and one key debounces each workflow apart.
   */
  String deduplicationIdOf(String className, String workflowName) {
    return debounced ? className + "." + workflowName + "-" + deduplicationId : deduplicationId;
  }

  /** Whether start options that set no queue set an option only an enqueue has. */
  static String enqueueOnlyOption(StartOptions options) {
    if (options.delay() != null || options.delayUntil() != null) {
      return "a delay";
    }
    if (options.queuePartitionKey() != null) {
      return "a queue partition key";
    }
    if (options.debounce() != null) {
      return "a debounce";
    }
    return null;
  }
}
