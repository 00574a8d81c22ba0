package io.dbosj;

import java.time.Duration;
import java.util.Objects;

/**
 * How long finished workflows are kept: a process built with {@code
 * DBOS.builder().retention(...)} deletes, every {@link #every interval}, the finished workflows
 * created more than {@link #olderThan age} ago and those beyond the {@link #keepingAtMost newest
 * N}, as {@link DBOS#garbageCollect} would. Workflows not yet finished are never deleted.
 *
 * <pre>{@code
 * DBOS.builder().retention(Retention.olderThan(Duration.ofDays(30)).keepingAtMost(1_000_000))
 * }</pre>
 */
public final class Retention {
  /** How often the collection runs unless {@link #every} says otherwise. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

  private final Duration maxAge;
  private final Long maxWorkflows;
  private final Duration interval;

  private Retention(Duration maxAge, Long maxWorkflows, Duration interval) {
    this.maxAge = maxAge;
    this.maxWorkflows = maxWorkflows;
    this.interval = interval;
  }

  /** Deletes finished workflows created more than {@code age} ago. */
  public static Retention olderThan(Duration age) {
    return new Retention(positive(age, "age"), null, DEFAULT_INTERVAL);
  }

  /** Keeps the {@code workflows} most recently created and deletes the finished ones before them. */
  public static Retention keepingNewest(long workflows) {
    return new Retention(null, atLeastOne(workflows), DEFAULT_INTERVAL);
  }

  /** This retention, also keeping no more than the {@code workflows} most recently created. */
  public Retention keepingAtMost(long workflows) {
    return new Retention(maxAge, atLeastOne(workflows), interval);
  }

  /** This retention, collected every {@code interval} (the first time at launch). */
  public Retention every(Duration interval) {
    return new Retention(maxAge, maxWorkflows, positive(interval, "interval"));
  }

  /** The age past which finished workflows are deleted, or {@code null}. */
  public Duration maxAge() {
    return maxAge;
  }

  /** How many of the newest workflows are kept at most, or {@code null}. */
  public Long maxWorkflows() {
    return maxWorkflows;
  }

  public Duration interval() {
    return interval;
  }

  @Override
  public String toString() {
    return "Retention[olderThan=" + maxAge + ", keepingAtMost=" + maxWorkflows + ", every=" + interval + "]";
  }

  private static Duration positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("a retention " + what + " must be positive, was " + d);
    }
    return d;
  }

  private static long atLeastOne(long workflows) {
    if (workflows < 1) {
      throw new IllegalArgumentException(
          "a retention keeps at least 1 workflow, was " + workflows + "; to delete every finished workflow,"
              + " use olderThan with a short age");
    }
    return workflows;
  }
}
