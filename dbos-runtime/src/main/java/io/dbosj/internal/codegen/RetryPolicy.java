package io.dbosj.internal.codegen;

import java.time.Duration;

/**
 * How a step is retried: {@code maxAttempts} tries in all, waiting {@code intervalSeconds} before
 * the first retry and {@code backoffRate} times longer before each one after.
 */
public record RetryPolicy(int maxAttempts, double intervalSeconds, double backoffRate) {
  /** One attempt, no retries. */
  public static final RetryPolicy NONE = new RetryPolicy(1, 0, 1);

  /**
   * {@code @Step}'s defaults: one attempt; raising only {@code maxAttempts} waits 1 second before
   * the first retry and twice as long before each one after.
   */
  public static final RetryPolicy STEP_DEFAULT = new RetryPolicy(1, 1.0, 2.0);

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

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, intervalSeconds, backoffRate);
  }

  public RetryPolicy withIntervalSeconds(double seconds) {
    return new RetryPolicy(maxAttempts, seconds, backoffRate);
  }

  public RetryPolicy withBackoffRate(double rate) {
    return new RetryPolicy(maxAttempts, intervalSeconds, rate);
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  public Duration delayBefore(int retry) {
    double seconds = intervalSeconds * Math.pow(backoffRate, retry - 1);
    return Duration.ofNanos((long) (seconds * 1_000_000_000L));
  }
}
