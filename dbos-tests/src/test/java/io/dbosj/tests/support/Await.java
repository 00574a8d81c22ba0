package io.dbosj.tests.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** Waits for a condition to hold, checking it every few milliseconds, failing at a deadline. */
public final class Await {
  /** Long enough for a loaded CI machine; a passing test never waits this long. */
  public static final Duration DEADLINE = Duration.ofSeconds(30);

  private static final long POLL_MILLIS = 5;

  private Await() {}

  /**
   * Returns once {@code condition} is true; fails after {@link #DEADLINE} with {@code what} and
   * the last {@code state} seen.
   */
  public static void until(String what, Callable<Boolean> condition, Supplier<Object> state) throws Exception {
    long giveUp = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > giveUp) {
        throw new AssertionError("waited " + DEADLINE.toSeconds() + " s for " + what + "; last seen: " + state.get());
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
