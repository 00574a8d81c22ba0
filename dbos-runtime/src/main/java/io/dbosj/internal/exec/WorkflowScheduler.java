package io.dbosj.internal.exec;

import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.schedule.CronSchedule;
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
 */
final class WorkflowScheduler {
  private static final Logger log = LoggerFactory.getLogger(WorkflowScheduler.class);
  /** How many ticks catch-up looks through at most, however long the process was down. */
  private static final int MAX_CATCH_UP_SCAN = 1_000_000;

  /** One scheduled workflow of one registered instance, and its next tick. */
  private static final class Schedule {
    final RegisteredInstance<?> instance;
    final DurableClass.Entry<?> entry;
    final CronSchedule cron;
    Instant next;

    Schedule(RegisteredInstance<?> instance, DurableClass.Entry<?> entry, CronSchedule cron) {
      this.instance = instance;
      this.entry = entry;
      this.cron = cron;
    }

    String idPrefix() {
      String owner = instance.className() + (instance.instanceName().isEmpty() ? "" : "/" + instance.instanceName());
      return "sched-" + owner + "." + entry.method().name() + "-";
    }
  }

  private final WorkflowEngine engine;
  private final List<Schedule> schedules = new ArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;

  WorkflowScheduler(WorkflowEngine engine, List<RegisteredInstance<?>> instances) {
    this.engine = engine;
    for (RegisteredInstance<?> instance : instances) {
      for (DurableMethod<?> method : instance.type().methods()) {
        DurableMethod.Schedule schedule = method.schedule();
        if (schedule != null) {
          schedules.add(
              new Schedule(
                  instance,
                  instance.entry(method.name()),
                  CronSchedule.parse(schedule.cron(), schedule.zone())));
        }
      }
    }
    this.thread = new Thread(this::run, "dbos-scheduler");
    this.thread.setDaemon(true);
  }

  void start() {
    if (!schedules.isEmpty()) {
      thread.start();
    }
  }

  void stop() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    Instant now = Instant.now();
    for (Schedule schedule : schedules) {
      catchUp(schedule, now);
      schedule.next = schedule.cron.nextAfter(now);
    }
    while (!stopped) {
      Schedule due = null;
      for (Schedule schedule : schedules) {
        if (schedule.next != null && (due == null || schedule.next.isBefore(due.next))) {
          due = schedule;
        }
      }
      if (due == null) {
        return;
      }
      long wait = due.next.toEpochMilli() - System.currentTimeMillis();
      if (wait > 0) {
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          return;
        }
        continue;
      }
      if (stopped) {
        return;
      }
      fire(due, due.next);
      due.next = due.cron.nextAfter(due.next);
    }
  }

  /** Fires the most recent missed ticks since the last recorded one, up to {@code maxCatchUp}. */
  private void catchUp(Schedule schedule, Instant now) {
    int max = schedule.entry.method().schedule().maxCatchUp();
    if (max <= 0) {
      return;
    }
    Instant last;
    try {
      String inputs =
          engine
              .workflowStore()
              .lastInputs(
                  schedule.instance.className(),
                  schedule.instance.instanceName(),
                  schedule.entry.method().name(),
                  schedule.idPrefix())
              .orElse(null);
      if (inputs == null) {
        return;
      }
      last = (Instant) engine.codec().decodeArguments(schedule.entry.method(), inputs)[0];
    } catch (RuntimeException e) {
      log.warn("cannot find the last tick of {}; not catching up", schedule.idPrefix(), e);
      return;
    }
    Deque<Instant> missed = new ArrayDeque<>();
    Instant tick = schedule.cron.nextAfter(last);
    for (int scanned = 0; tick != null && tick.isBefore(now) && scanned < MAX_CATCH_UP_SCAN; scanned++) {
      missed.addLast(tick);
      if (missed.size() > max) {
        missed.removeFirst();
      }
      tick = schedule.cron.nextAfter(tick);
    }
    if (!missed.isEmpty()) {
      log.info("catching up {} missed tick(s) of {}", missed.size(), schedule.idPrefix());
    }
    for (Instant missedTick : missed) {
      fire(schedule, missedTick);
    }
  }

  private void fire(Schedule schedule, Instant scheduled) {
    String workflowId = schedule.idPrefix() + scheduled;
    try {
      DurableCall<?> call =
          WorkflowRecovery.capture(schedule.instance, schedule.entry, new Object[] {scheduled, Instant.now()});
      engine.startInBackground(call, workflowId, null);
    } catch (DbosShutdownException e) {
      stopped = true;
    } catch (RuntimeException e) {
      log.error("could not start scheduled workflow {}", workflowId, e);
    }
  }
}
