package io.dbosj.tests.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until the test moves it: given to {@code DBOS.Builder.clock}, it
 * decides when scheduled ticks fall due. Safe to read from the scheduler's thread while the test
 * advances it.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  public MutableClock(Instant start) {
    this(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Moves the clock on by {@code duration}; returns the new instant. */
  public Instant advance(Duration duration) {
    return now.updateAndGet(instant -> instant.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same moving instant, seen in another zone. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(now, zone);
  }
}
