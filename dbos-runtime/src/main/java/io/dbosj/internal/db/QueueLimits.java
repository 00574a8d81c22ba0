package io.dbosj.internal.db;

import java.time.Duration;

/**
 * A registered queue's name and limits, as the dequeue applies them: global and per-process
 * concurrency ({@code null} for none), a rate limit per period ({@code 0} for none), and whether
 * priorities order it.
 */
public record QueueLimits(
    String name,
    Integer concurrency,
    Integer workerConcurrency,
    int rateLimit,
    Duration ratePeriod,
    boolean priorityEnabled) {

  /** A queue with no limits. */
  public static QueueLimits unlimited(String name) {
    return new QueueLimits(name, null, null, 0, null, false);
  }
}
