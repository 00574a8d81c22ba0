package io.dbosj.tests.support;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition to hold, checking it every few milliseconds, failing at a deadline. */
public final class Await {
  /** Long enough for a loaded CI machine; a passing test never waits this long. */
  public static final Duration DEADLINE = Duration.ofSeconds(30);

  private static final long POLL_MILLIS = 5;

  private Await() {}

  /**
   * Returns once {@code condition} is true; fails after {@link #DEADLINE} naming {@code what} and
   * the last {@code state} seen (what the condition looks at: rows, a count).
   */
  public static void until(String what, Callable<Boolean> condition, Callable<?> state) throws Exception {
    until(what, DEADLINE, condition, state);
  }

  /** {@link #until(String, Callable, Callable)} with a deadline of its own, for slow bulk work. */
  public static void until(String what, Duration deadline, Callable<Boolean> condition, Callable<?> state)
      throws Exception {
    long giveUp = System.nanoTime() + deadline.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > giveUp) {
        throw new AssertionError("waited " + deadline.toSeconds() + " s for " + what + "; last seen: " + describe(state));
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  private static String describe(Callable<?> state) {
    try {
      return String.valueOf(state.call());
    } catch (Exception e) {
      return e.toString();
    }
  }
}
