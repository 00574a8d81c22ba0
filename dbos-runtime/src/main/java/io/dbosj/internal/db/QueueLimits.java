package io.dbosj.internal.db;

import java.time.Duration;

/**
 * A queue's name and limits, as the dequeue applies them. Queue-wide: global and per-process
 * concurrency ({@code null} for none) and a rate limit ({@code null} for none). Per partition,
 * the same three; any of them makes the queue partitioned, so each enqueue names a partition key
 * and each partition gets those limits of its own, inside the queue-wide ones.
 */
public record QueueLimits(
    String name,
    Integer concurrency,
    Integer workerConcurrency,
    RateLimit rateLimit,
    boolean priorityEnabled,
    Integer partitionConcurrency,
    Integer partitionWorkerConcurrency,
    RateLimit partitionRateLimit) {

  /** At most {@code limit} starts in any window of {@code period}. */
  public record RateLimit(int limit, Duration period) {
    public long periodMillis() {
      return Math.max(1, period.toMillis());
    }
  }

  /** A queue with no limits. */
  public static QueueLimits unlimited(String name) {
    return new QueueLimits(name, null, null, null, false, null, null, null);
  }

  /** Whether any partition limit is set: then every workflow on it has a partition key. */
  public boolean partitioned() {
    return partitionConcurrency != null || partitionWorkerConcurrency != null || partitionRateLimit != null;
  }

  public QueueLimits withConcurrency(Integer value) {
    return new QueueLimits(name, value, workerConcurrency, rateLimit, priorityEnabled, partitionConcurrency,
        partitionWorkerConcurrency, partitionRateLimit);
  }

  public QueueLimits withWorkerConcurrency(Integer value) {
    return new QueueLimits(name, concurrency, value, rateLimit, priorityEnabled, partitionConcurrency,
        partitionWorkerConcurrency, partitionRateLimit);
  }

  public QueueLimits withRateLimit(RateLimit value) {
    return new QueueLimits(name, concurrency, workerConcurrency, value, priorityEnabled, partitionConcurrency,
        partitionWorkerConcurrency, partitionRateLimit);
  }

  public QueueLimits withPriorityEnabled(boolean value) {
    return new QueueLimits(name, concurrency, workerConcurrency, rateLimit, value, partitionConcurrency,
        partitionWorkerConcurrency, partitionRateLimit);
  }

  public QueueLimits withPartitionConcurrency(Integer value) {
    return new QueueLimits(name, concurrency, workerConcurrency, rateLimit, priorityEnabled, value,
        partitionWorkerConcurrency, partitionRateLimit);
  }

  public QueueLimits withPartitionWorkerConcurrency(Integer value) {
    return new QueueLimits(name, concurrency, workerConcurrency, rateLimit, priorityEnabled, partitionConcurrency,
        value, partitionRateLimit);
  }

  public QueueLimits withPartitionRateLimit(RateLimit value) {
    return new QueueLimits(name, concurrency, workerConcurrency, rateLimit, priorityEnabled, partitionConcurrency,
        partitionWorkerConcurrency, value);
  }
}
