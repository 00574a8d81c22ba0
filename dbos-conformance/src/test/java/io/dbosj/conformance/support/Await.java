package io.dbosj.conformance.support;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition to hold, checking it every few milliseconds, failing at a deadline. */
public final class Await {
  /** Long enough for a loaded CI machine; a passing test never waits this long. */
  public static final Duration DEADLINE = Duration.ofSeconds(30);

  private Await() {}

  /** Returns once {@code condition} is true; fails after {@link #DEADLINE} naming {@code what} and the last {@code state}. */
  public static void until(String what, Callable<Boolean> condition, Callable<?> state) throws Exception {
    long giveUp = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > giveUp) {
        throw new AssertionError("waited " + DEADLINE.toSeconds() + " s for " + what + "; last seen: " + describe(state));
      }
      Thread.sleep(10);
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
