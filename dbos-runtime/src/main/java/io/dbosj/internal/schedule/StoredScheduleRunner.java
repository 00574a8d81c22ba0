package io.dbosj.internal.schedule;

import io.dbosj.SystemDatabaseUnreachableException;
import io.dbosj.internal.lifecycle.ClockSleep;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import io.dbosj.internal.lifecycle.Service;
import io.dbosj.internal.lifecycle.ServiceThread;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the active schedules kept in the database. The table is read again at least every {@link
 * #REFRESH} of real time, and at once when this process changes it ({@link #refreshNow}), so a
 * schedule created, paused, resumed or deleted anywhere takes effect while the process runs. A
 * schedule starts ticking at the first tick after the runner first sees it (or sees it changed);
 * one with automatic backfill first fires every tick after its last recorded firing that is
 * already past. A tick's workflow ID is derived from the schedule's name and the tick, so every
 * process may fire it and it runs once.
 *
 * <p>Ticks follow the {@link Clock} given, as {@link WorkflowScheduler}'s do; the refresh follows
 * real time, so a test's clock that stands still does not stop schedules from being read.
 */
public final class StoredScheduleRunner implements Service {
  /** The longest real time between two reads of the table. */
  public static final Duration REFRESH = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(StoredScheduleRunner.class);
  /** How many missed ticks one backfill looks through at most. */
  private static final int MAX_BACKFILL_SCAN = 100_000;

  private static final class Running {
    final StoredSchedule schedule;
    Instant next;

    Running(StoredSchedule schedule, Instant next) {
      this.schedule = schedule;
      this.next = next;
    }
  }

  private final StoredSchedule.Source source;
  private final Clock clock;
  private final ClockSleep sleep;
  private final ServiceThread thread = new ServiceThread("dbos-stored-schedules", this::run);
  /** Guarded by {@code this}: the schedules running, by name. */
  private final Map<String, Running> running = new HashMap<>();
  private volatile long refreshedAtNanos;
  /** Guarded by {@code this}: whether the last read failed, so a long outage logs one warning, not one a second. */
  private boolean readFailing;

  public StoredScheduleRunner(StoredSchedule.Source source, Clock clock) {
    this.source = source;
    this.clock = clock;
    this.sleep = new ClockSleep(clock);
  }

  @Override
  public String name() {
    return "stored schedules";
  }

  /** Reads the table once on the caller's thread (as launch's), then keeps running it. */
  @Override
  public void start() {
    refresh();
    thread.start();
  }

  @Override
  public boolean stop(Duration timeout) throws InterruptedException {
    return thread.stop(timeout);
  }

  /**
   * Reads the table now, on the caller's thread: a change this process made is in effect when the
   * call that made it returns.
   */
  public void refreshNow() {
    refresh();
  }

  private void run() {
    while (!thread.stopping()) {
      if (System.nanoTime() - refreshedAtNanos >= REFRESH.toNanos()) {
        refresh();
      }
      Instant due = nextDue();
      Instant refreshAt = clock.instant().plus(Duration.ofNanos(
          Math.max(0, REFRESH.toNanos() - (System.nanoTime() - refreshedAtNanos))));
      Instant wake = due == null || refreshAt.isBefore(due) ? refreshAt : due;
      try {
        if (!sleep.reached(wake)) {
          continue;
        }
      } catch (InterruptedException e) {
        return;
      }
      if (!thread.stopping()) {
        fireDue();
      }
    }
  }

  private synchronized Instant nextDue() {
    Instant due = null;
    for (Running r : running.values()) {
      if (r.next != null && (due == null || r.next.isBefore(due))) {
        due = r.next;
      }
    }
    return due;
  }

  private synchronized void fireDue() {
    Instant now = clock.instant();
    for (Running r : running.values()) {
      while (r.next != null && !r.next.isAfter(now) && !thread.stopping()) {
        fire(r.schedule, r.next);
        r.next = r.schedule.cron().nextAfter(r.next);
      }
    }
  }

  private synchronized void refresh() {
    refreshedAtNanos = System.nanoTime();
    List<StoredSchedule> active;
    try {
      active = source.active();
    } catch (DbosShutdownException e) {
      thread.requestStop();
      return;
    } catch (RuntimeException e) {
      if (!readFailing) {
        log.warn("could not read the schedules in dbos.workflow_schedules; running those read before: {}", e.toString());
      } else {
        log.debug("still cannot read dbos.workflow_schedules: {}", e.toString());
      }
      readFailing = true;
      return;
    }
    if (readFailing) {
      log.info("dbos.workflow_schedules can be read again");
      readFailing = false;
    }
    Instant now = clock.instant();
    Set<String> seen = new HashSet<>();
    for (StoredSchedule schedule : active) {
      seen.add(schedule.name());
      Running current = running.get(schedule.name());
      if (current != null && current.schedule.definition().equals(schedule.definition())) {
        continue;
      }
      if (schedule.automaticBackfill() && schedule.lastFiredAt() != null) {
        backfill(schedule, now);
      }
      running.put(schedule.name(), new Running(schedule, schedule.cron().nextAfter(now)));
      log.debug("running schedule '{}' ({})", schedule.name(), schedule.cron());
    }
    running.keySet().retainAll(seen);
  }

  /** Fires the ticks after the schedule's last recorded firing that are before {@code now}. */
  private void backfill(StoredSchedule schedule, Instant now) {
    int fired = 0;
    Instant tick = schedule.cron().nextAfter(schedule.lastFiredAt());
    for (int scanned = 0; tick != null && tick.isBefore(now) && scanned < MAX_BACKFILL_SCAN; scanned++) {
      fire(schedule, tick);
      fired++;
      tick = schedule.cron().nextAfter(tick);
    }
    if (fired > 0) {
      log.info("schedule '{}': backfilled {} tick(s) missed since {}", schedule.name(), fired, schedule.lastFiredAt());
    }
  }

  private void fire(StoredSchedule schedule, Instant tick) {
    try {
      source.fire(schedule, tick);
    } catch (DbosShutdownException e) {
      thread.requestStop();
    } catch (RuntimeException e) {
      if (SystemDatabaseUnreachableException.isCauseOf(e)) {
        log.warn("could not fire schedule '{}' at {}: the system database is unreachable", schedule.name(), tick);
      } else {
        log.error("could not fire schedule '{}' at {}", schedule.name(), tick, e);
      }
    }
  }
}
