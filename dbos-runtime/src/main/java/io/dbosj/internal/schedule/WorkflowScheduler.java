package io.dbosj.internal.schedule;

import io.dbosj.internal.lifecycle.ClockSleep;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import io.dbosj.internal.lifecycle.Service;
import io.dbosj.internal.lifecycle.ServiceThread;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts each {@code @Scheduled} workflow at its ticks. A tick's workflow ID is derived from the
 * workflow and the scheduled instant, so every process sharing a system database may fire it and
 * it still runs once. Ticks are started in the background, so a slow run overlaps the next one
 * rather than delaying it. Stopping returns only once no further tick can start.
 *
 * <p>"Now" is always read from the {@link Clock} given: the ticks after it, the missed ticks
 * before it, and each tick's actual time. {@link #start} reads it once on the caller's thread, so
 * the first tick is the first one after {@code launch()}, whenever the thread gets to run. With
 * the system clock the thread sleeps until the next tick; a clock a test moves by hand is read
 * again every {@link ClockSleep#OTHER_CLOCK_SLICE}: moved past a tick, it fires that tick (and
 * every tick the jump passed, in order) within one slice.
 */
public final class WorkflowScheduler implements Service {
  private static final Logger log = LoggerFactory.getLogger(WorkflowScheduler.class);
  /** How many ticks catch-up looks through at most, however long the process was down. */
  private static final int MAX_CATCH_UP_SCAN = 1_000_000;

  /** A schedule and its next tick. */
  private static final class Due {
    final ScheduledWorkflow schedule;
    Instant next;

    Due(ScheduledWorkflow schedule) {
      this.schedule = schedule;
    }
  }

  private final List<Due> schedules = new ArrayList<>();
  private final Clock clock;
  private final ClockSleep sleep;
  private final ServiceThread thread = new ServiceThread("dbos-scheduler", this::run);
  /** The clock's instant when {@link #start} was called. */
  private volatile Instant startedAt;

  public WorkflowScheduler(List<ScheduledWorkflow> schedules, Clock clock) {
    schedules.forEach(s -> this.schedules.add(new Due(s)));
    this.clock = clock;
    this.sleep = new ClockSleep(clock);
  }

  @Override
  public String name() {
    return "scheduler";
  }

  @Override
  public void start() {
    if (!schedules.isEmpty()) {
      startedAt = clock.instant();
      thread.start();
    }
  }

  @Override
  public boolean stop(Duration timeout) throws InterruptedException {
    return thread.stop(timeout);
  }

  private void run() {
    Instant now = startedAt;
    for (Due due : schedules) {
      catchUp(due.schedule, now);
      due.next = due.schedule.cron().nextAfter(now);
    }
    while (!thread.stopping()) {
      Due due = null;
      for (Due candidate : schedules) {
        if (candidate.next != null && (due == null || candidate.next.isBefore(due.next))) {
          due = candidate;
        }
      }
      if (due == null) {
        return;
      }
      try {
        if (!sleep.reached(due.next)) {
          continue;
        }
      } catch (InterruptedException e) {
        return;
      }
      if (thread.stopping()) {
        return;
      }
      fire(due.schedule, due.next);
      due.next = due.schedule.cron().nextAfter(due.next);
    }
  }

  /** Fires the most recent missed ticks since the last recorded one, up to {@code maxCatchUp}. */
  private void catchUp(ScheduledWorkflow schedule, Instant now) {
    if (schedule.maxCatchUp() <= 0) {
      return;
    }
    Instant last;
    try {
      last = schedule.ticks().last(schedule.idPrefix()).orElse(null);
    } catch (RuntimeException e) {
      log.warn("cannot find the last tick of {}; not catching up", schedule.idPrefix(), e);
      return;
    }
    if (last == null) {
      return;
    }
    Deque<Instant> missed = new ArrayDeque<>();
    Instant tick = schedule.cron().nextAfter(last);
    for (int scanned = 0; tick != null && tick.isBefore(now) && scanned < MAX_CATCH_UP_SCAN; scanned++) {
      missed.addLast(tick);
      if (missed.size() > schedule.maxCatchUp()) {
        missed.removeFirst();
      }
      tick = schedule.cron().nextAfter(tick);
    }
    if (!missed.isEmpty()) {
      log.info("catching up {} missed tick(s) of {}", missed.size(), schedule.idPrefix());
    }
    for (Instant missedTick : missed) {
      fire(schedule, missedTick);
    }
  }

  private void fire(ScheduledWorkflow schedule, Instant scheduled) {
    String workflowId = schedule.idPrefix() + scheduled;
    try {
      schedule.ticks().start(workflowId, scheduled, clock.instant());
    } catch (DbosShutdownException e) {
      thread.requestStop();
    } catch (RuntimeException e) {
      if (io.dbosj.SystemDatabaseUnreachableException.isCauseOf(e)) {
        log.warn("could not start scheduled workflow {}: the system database is unreachable", workflowId);
      } else {
        log.error("could not start scheduled workflow {}", workflowId, e);
      }
    }
  }
}
