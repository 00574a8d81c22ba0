package io.dbosj.internal.schedule;

import java.time.Instant;

/**
 * An active schedule kept in the database, as {@link StoredScheduleRunner} runs it.
 *
 * @param definition what its ticks depend on; a change restarts them
 * @param lastFiredAt the latest tick recorded as fired, or {@code null}
 */
public record StoredSchedule(
    String name, String definition, CronSchedule cron, boolean automaticBackfill, Instant lastFiredAt) {

  /** Where the runner reads the active schedules and fires their ticks: whoever owns the table. */
  public interface Source {
    /** The schedules to run now; may throw if the database cannot be read (the runner keeps what it has). */
    java.util.List<StoredSchedule> active();

    /** Starts the workflow of {@code schedule}'s tick at {@code tick}, once across processes, and records it fired. */
    void fire(StoredSchedule schedule, Instant tick);
  }
}
