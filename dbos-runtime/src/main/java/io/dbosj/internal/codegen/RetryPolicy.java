package io.dbosj.internal.codegen;

import java.time.Duration;
import java.util.List;

/**
 * How a step's attempts run: {@code maxAttempts} tries in all, waiting {@code intervalSeconds}
 * before the first retry and {@code backoffRate} times longer before each one after; only
 * exceptions of a {@code retryOn} class (any, when empty) and of no {@code noRetryFor} class are
 * retried, and an {@link Error} never is. Each attempt may run {@code timeoutSeconds} (0: no
 * limit).
 */
public record RetryPolicy(
    int maxAttempts,
    double intervalSeconds,
    double backoffRate,
    List<Class<? extends Throwable>> retryOn,
    List<Class<? extends Throwable>> noRetryFor,
    double timeoutSeconds) {
  /** One attempt, no retries. */
  public static final RetryPolicy NONE = new RetryPolicy(1, 0, 1, List.of(), List.of(), 0);

  /**
   * {@code @Step}'s defaults: one attempt; raising only {@code maxAttempts} waits 1 second before
   * the first retry and twice as long before each one after, retrying every exception.
   */
  public static final RetryPolicy STEP_DEFAULT = new RetryPolicy(1, 1.0, 2.0, List.of(), List.of(), 0);

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
    if (!(timeoutSeconds >= 0) || Double.isInfinite(timeoutSeconds)) {
      throw new IllegalArgumentException(
          "timeoutSeconds must be 0 (no timeout) or more, was " + timeoutSeconds);
    }
    retryOn = List.copyOf(retryOn);
    noRetryFor = List.copyOf(noRetryFor);
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, intervalSeconds, backoffRate, retryOn, noRetryFor, timeoutSeconds);
  }

  public RetryPolicy withIntervalSeconds(double seconds) {
    return new RetryPolicy(maxAttempts, seconds, backoffRate, retryOn, noRetryFor, timeoutSeconds);
  }

  public RetryPolicy withBackoffRate(double rate) {
    return new RetryPolicy(maxAttempts, intervalSeconds, rate, retryOn, noRetryFor, timeoutSeconds);
  }

  public RetryPolicy withRetryOn(List<Class<? extends Throwable>> types) {
    return new RetryPolicy(maxAttempts, intervalSeconds, backoffRate, types, noRetryFor, timeoutSeconds);
  }

  public RetryPolicy withNoRetryFor(List<Class<? extends Throwable>> types) {
    return new RetryPolicy(maxAttempts, intervalSeconds, backoffRate, retryOn, types, timeoutSeconds);
  }

  public RetryPolicy withTimeoutSeconds(double seconds) {
    return new RetryPolicy(maxAttempts, intervalSeconds, backoffRate, retryOn, noRetryFor, seconds);
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  public Duration delayBefore(int retry) {
    double seconds = intervalSeconds * Math.pow(backoffRate, retry - 1);
    return Duration.ofNanos((long) (seconds * 1_000_000_000L));
  }

  /** How long one attempt may run, or {@code null} for no limit. */
  public Duration timeout() {
    return timeoutSeconds == 0 ? null : Duration.ofNanos(Math.max(1, (long) (timeoutSeconds * 1_000_000_000L)));
  }

  /** Whether a failed attempt that threw {@code error} is retried, attempts allowing. */
  public boolean retries(Throwable error) {
    return !(error instanceof Error) && (retryOn.isEmpty() || isAny(retryOn, error)) && !isAny(noRetryFor, error);
  }

  private static boolean isAny(List<Class<? extends Throwable>> types, Throwable error) {
    for (Class<? extends Throwable> type : types) {
      if (type.isInstance(error)) {
        return true;
      }
    }
    return false;
  }
}
