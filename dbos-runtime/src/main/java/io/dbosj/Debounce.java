package io.dbosj;

import java.time.Duration;
import java.util.Objects;

/**
 * How an enqueue is debounced (see {@link StartOptions#debounce(String, Duration, Duration)}):
 * the workflow of {@code key} starts once enqueues of the key have been quiet for {@code
 * quietPeriod}, and at the latest {@code maxWait} after the first ({@code null}: no limit).
 */
public record Debounce(String key, Duration quietPeriod, Duration maxWait) {
  public Debounce {
    Objects.requireNonNull(key, "debounce key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a debounce key must not be empty");
    }
    Objects.requireNonNull(quietPeriod, "debounce quiet period");
    if (quietPeriod.isNegative() || quietPeriod.isZero()) {
      throw new IllegalArgumentException("a debounce quiet period must be positive, was " + quietPeriod);
    }
    if (maxWait != null && maxWait.compareTo(quietPeriod) < 0) {
      throw new IllegalArgumentException(
          "a debounce's longest wait (" + maxWait + ") must not be shorter than its quiet period (" + quietPeriod + ")");
    }
  }
}
