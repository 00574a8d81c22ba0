package io.dbosj.internal.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sleeps a background loop toward an instant on a {@link Clock}. With the system clock, time
 * passes as the thread sleeps, so one sleep reaches it. Any other clock (a test's, which it moves
 * by hand) can jump without telling anyone, so the thread sleeps at most {@link
 * #OTHER_CLOCK_SLICE} of real time and reads the clock again.
 */
public final class ClockSleep {
  /** The longest real time a sleep lasts before a clock other than the system's is read again. */
  public static final Duration OTHER_CLOCK_SLICE = Duration.ofMillis(10);

  private final Clock clock;
  private final boolean systemClock;

  public ClockSleep(Clock clock) {
    this.clock = clock;
    this.systemClock = clock.equals(Clock.system(clock.getZone()));
  }

  /**
   * Whether the clock has reached {@code until}; if not, sleeps toward it first (the loop then
   * asks again).
   */
  public boolean reached(Instant until) throws InterruptedException {
    long wait = until.toEpochMilli() - clock.millis();
    if (wait <= 0) {
      return true;
    }
    Thread.sleep(systemClock ? wait : Math.min(wait, OTHER_CLOCK_SLICE.toMillis()));
    return false;
  }
}
