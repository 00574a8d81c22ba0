package io.dbosj.internal.codegen;

import java.time.Duration;

/**
 * How a step is retried: {@code maxAttempts} tries in all, waiting {@code intervalSeconds} before
 * the first retry and {@code backoffRate} times longer before each one after.
 */
public record RetryPolicy(int maxAttempts, double intervalSeconds, double backoffRate) {
  /** One attempt, no retries. */
  public static final RetryPolicy NONE = new RetryPolicy(1, 0, 1);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (intervalSeconds < 0 || backoffRate < 1) {
      throw new IllegalArgumentException(
          "intervalSeconds must be >= 0 and backoffRate >= 1, were "
              + intervalSeconds
              + " and "
              + backoffRate);
    }
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  public Duration delayBefore(int retry) {
    double seconds = intervalSeconds * Math.pow(backoffRate, retry - 1);
    return Duration.ofNanos((long) (seconds * 1_000_000_000L));
  }
}
