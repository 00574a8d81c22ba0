package io.dbosj.internal.runtime;

import io.dbosj.DbosException;
import io.dbosj.ScheduleOptions;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowSchedule;
import io.dbosj.internal.codegen.TypeToken;
import io.dbosj.internal.db.ScheduleRow;
import io.dbosj.internal.db.ScheduleStore;
import io.dbosj.internal.exec.Admission;
import io.dbosj.internal.exec.QueuePlacement;
import io.dbosj.internal.exec.QueueRegistry;
import io.dbosj.internal.schedule.CronSchedule;
import io.dbosj.internal.schedule.StoredSchedule;
import io.dbosj.internal.serde.JsonCodec;
import io.dbosj.internal.serde.Serialization;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedules kept in DBOS's {@code dbos.workflow_schedules}, for the API, the CLI and the admin
 * server: created, listed, paused, resumed, deleted, backfilled and triggered; and, as a {@link
 * StoredSchedule.Source}, what a process's {@code StoredScheduleRunner} runs.
 *
 * <p>A tick is enqueued as DBOS does it: workflow ID {@code sched-<name>-<tick>} with the tick in
 * ISO-8601 to the millisecond in UTC ({@code sched-nightly-2030-01-01T02:00:00.000Z}), arguments
 * {@code (scheduledTime, context)}, on the schedule's queue or DBOS's internal one, so whichever
 * process has the workflow runs it, once. A trigger's ID is {@code sched-<name>-trigger-<now>}.
 */
public final class WorkflowSchedules implements StoredSchedule.Source {
  private static final Logger log = LoggerFactory.getLogger(WorkflowSchedules.class);
  /** How DBOS (JavaScript's {@code toISOString}) writes a tick: always with milliseconds. */
  private static final String SUPERJSON_MARKER = "__dbos_serializer";
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Says what is wrong with scheduling a workflow, or {@code null} if nothing is (a client checks nothing). */
  @FunctionalInterface
  interface WorkflowCheck {
    String problem(String className, String workflowName);
  }

  private final ScheduleStore store;
  private final Admission admission;
  private final JsonCodec json;
  private final WorkflowCheck check;
  private final Clock clock;
  private volatile Runnable changed = () -> {};
  private final Set<String> reportedBad = ConcurrentHashMap.newKeySet();

  WorkflowSchedules(ScheduleStore store, Admission admission, JsonCodec json, WorkflowCheck check, Clock clock) {
    this.store = store;
    this.admission = admission;
    this.json = json;
    this.check = check;
    this.clock = clock;
  }

  /** The check of a process: the workflow is registered here, takes {@code (Instant scheduledTime, context)}. */
  static WorkflowCheck registeredIn(List<io.dbosj.internal.exec.RegisteredInstance<?>> instances) {
    return (className, workflowName) -> {
      for (io.dbosj.internal.exec.RegisteredInstance<?> instance : instances) {
        if (!instance.className().equals(className) || !instance.instanceName().isEmpty()) {
          continue;
        }
        var entry = instance.type().workflow(workflowName);
        if (entry == null) {
          return className + " has no @Workflow named '" + workflowName + "'; name one of its workflows";
        }
        var params = entry.method().params();
        if (params.size() != 2 || params.get(0).type().type() != Instant.class) {
          return "workflow " + className + "." + workflowName + " must take (Instant scheduledTime, T context)"
              + " to be scheduled: each tick passes its scheduled time and the schedule's context";
        }
        return null;
      }
      return "no durable object of class " + className + " (without an instance name) is registered with this"
          + " DBOS; create its Durable subclass before launch(), and pass the class's binary name";
    };
  }

  /** Tells this process's runner of a change this process made. */
  void onChange(Runnable changed) {
    this.changed = changed;
  }

  /** The ID a tick's workflow gets: DBOS's. */
  public static String tickWorkflowId(String scheduleName, Instant tick) {
    return "sched-" + scheduleName + "-" + ISO_MILLIS.format(tick);
  }

  /**
   * Creates a schedule, {@code ACTIVE}.
   *
   * @throws DbosException naming what is wrong and how to fix it: no such workflow, a cron
   *     expression or time zone that does not parse, a name already taken
   */
  public WorkflowSchedule create(
      String name, String className, String workflowName, String cron, ScheduleOptions options) {
    if (name == null || name.isBlank()) {
      throw new DbosException("a schedule needs a name: pass a non-empty name, e.g. \"nightly-report\"");
    }
    if (className == null || className.isBlank() || workflowName == null || workflowName.isBlank()) {
      throw new DbosException(
          "schedule '" + name + "' needs its workflow's class (binary name, e.g. com.shop.Reports) and workflow name");
    }
    String zone = options.timeZone();
    if (zone != null) {
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw new DbosException(
            "schedule '" + name + "': time zone '" + zone + "' is not a zone ID; use a region ID such as"
                + " 'Europe/Paris' or 'UTC' (" + e.getMessage() + ")");
      }
    }
    cronOf(name, cron, zone);
    String problem = check == null ? null : check.problem(className, workflowName);
    if (problem != null) {
      throw new DbosException("schedule '" + name + "': " + problem);
    }
    ScheduleRow row =
        new ScheduleRow(
            UUID.randomUUID().toString(), name, workflowName, className, cron.trim(), ScheduleRow.ACTIVE,
            encodeContext(name, options.context()),
            null, options.automaticBackfill(), zone, options.queueName(), null);
    if (!store.insert(row)) {
      throw new DbosException(
          "a schedule named '" + name + "' already exists; choose another name, or delete it first"
              + " (DBOS.deleteSchedule or 'dbos schedule delete " + name + "')");
    }
    changed.run();
    return get(name);
  }

  public List<WorkflowSchedule> list() {
    return store.list().stream().map(this::toSchedule).toList();
  }

  public Optional<WorkflowSchedule> find(String name) {
    return store.find(name).map(this::toSchedule);
  }

  /** The schedule named {@code name}; a {@link DbosException} that says how to find the names if none. */
  public WorkflowSchedule get(String name) {
    return find(name).orElseThrow(() -> unknown(name));
  }

  public void pause(String name) {
    setStatus(name, ScheduleRow.PAUSED);
  }

  public void resume(String name) {
    setStatus(name, ScheduleRow.ACTIVE);
  }

  private void setStatus(String name, String status) {
    if (!store.setStatus(name, status)) {
      throw unknown(name);
    }
    changed.run();
  }

  /** Deletes the schedule; the workflows it started stay as they are. */
  public void delete(String name) {
    if (!store.delete(name)) {
      throw unknown(name);
    }
    changed.run();
  }

  /**
   * Enqueues the workflow of every tick of the schedule in [{@code start}, {@code end}), each
   * under its tick's workflow ID: a tick that already ran (or is queued) is not run again. Returns
   * the IDs, oldest first.
   */
  public List<String> backfill(String name, Instant start, Instant end) {
    if (!start.isBefore(end)) {
      throw new DbosException(
          "backfill of schedule '" + name + "': the start " + start + " must be before the end " + end);
    }
    ScheduleRow row = store.find(name).orElseThrow(() -> unknown(name));
    CronSchedule cron = cronOf(name, row.cron(), row.cronTimezone());
    List<String> ids = new ArrayList<>();
    for (Instant tick = cron.nextAfter(start.minusSeconds(1)); tick != null && tick.isBefore(end);
        tick = cron.nextAfter(tick)) {
      if (!tick.isBefore(start)) {
        ids.add(enqueue(row, tickWorkflowId(name, tick), tick));
      }
    }
    return ids;
  }

  /** Enqueues the schedule's workflow now, as a tick of this instant; returns its workflow ID. */
  public String trigger(String name) {
    ScheduleRow row = store.find(name).orElseThrow(() -> unknown(name));
    Instant now = clock.instant();
    return enqueue(row, "sched-" + name + "-trigger-" + ISO_MILLIS.format(now), now);
  }

  @Override
  public List<StoredSchedule> active() {
    List<StoredSchedule> active = new ArrayList<>();
    for (ScheduleRow row : store.list()) {
      if (!ScheduleRow.ACTIVE.equals(row.status())) {
        continue;
      }
      try {
        CronSchedule cron = CronSchedule.parse(row.cron(), zoneOf(row.cronTimezone()));
        Instant last = row.lastFiredAt() == null ? null : Instant.parse(row.lastFiredAt());
        active.add(new StoredSchedule(row.scheduleName(), row.definition(), cron, row.automaticBackfill(), last));
      } catch (RuntimeException e) {
        if (reportedBad.add(row.scheduleName() + "\u0000" + row.definition())) {
          log.warn("schedule '{}' is not run: its row does not parse: {}", row.scheduleName(), e.getMessage());
        }
      }
    }
    return active;
  }

  @Override
  public void fire(StoredSchedule schedule, Instant tick) {
    ScheduleRow row = store.find(schedule.name()).orElse(null);
    if (row == null || !row.definition().equals(schedule.definition())) {
      return; // deleted or changed since the runner read it: its next read has the new one
    }
    enqueue(row, tickWorkflowId(row.scheduleName(), tick), tick);
    store.advanceLastFired(row.scheduleName(), ISO_MILLIS.format(tick));
  }

  private String enqueue(ScheduleRow row, String workflowId, Instant tick) {
    Object context = decodeContext(row.context());
    String inputs = json.encodeUntyped(new Object[] {ISO_MILLIS.format(tick), context});
    String queue = row.queueName() != null ? row.queueName() : QueueRegistry.INTERNAL_QUEUE;
    String enqueued = admission.enqueueByName(
        workflowId, row.workflowClassName(), row.workflowName(), "", inputs,
        QueuePlacement.of(queue, StartOptions.defaults(), clock.instant()), null);
    try {
      store.markWorkflow(enqueued, row.scheduleName()); // a queue runner may claim it first: the column is not its concern
    } catch (RuntimeException e) {
      // an older DBOS's layout (DBOS Java 1.1's) has no workflow_status.schedule_name: the tick runs all the same
      log.debug("workflow {}: schedule_name not recorded: {}", enqueued, e.toString());
    }
    return enqueued;
  }

  /**
   * The context as DBOS TS 5.3 writes the column, a superjson record ({@code {"json": value,
   * "__dbos_serializer": "superjson"}}), which its clients and CLI parse; the value is plain JSON,
   * so the record needs no {@code meta}.
   */
  private String encodeContext(String name, Object context) {
    String plain = json.encodeResult("the context of schedule '" + name + "'", TypeToken.of(Object.class), context);
    return "{\"json\":" + plain + ",\"" + SUPERJSON_MARKER + "\":\"superjson\"}";
  }

  /** The context as plain JSON values: from a superjson record (DBOS TS's, ours), or plain JSON. */
  private Object decodeContext(String text) {
    if (text != null && text.contains(SUPERJSON_MARKER)) {
      try {
        return json.decodeUntyped(Serialization.JS_SUPERJSON, text);
      } catch (RuntimeException e) {
        // plain JSON that mentions the marker: read it as such below
      }
    }
    return json.decodeUntyped(JsonCodec.FORMAT, text);
  }

  private WorkflowSchedule toSchedule(ScheduleRow row) {
    Object context;
    try {
      context = decodeContext(row.context());
    } catch (RuntimeException e) {
      context = row.context(); // a format read nowhere here: shown as stored
    }
    Instant last;
    try {
      last = row.lastFiredAt() == null ? null : Instant.parse(row.lastFiredAt());
    } catch (DateTimeException e) {
      last = null;
    }
    return new WorkflowSchedule(
        row.scheduleId(), row.scheduleName(), row.workflowClassName(), row.workflowName(), row.cron(),
        ScheduleRow.PAUSED.equals(row.status()) ? WorkflowSchedule.Status.PAUSED : WorkflowSchedule.Status.ACTIVE,
        context, last, row.automaticBackfill(), row.cronTimezone(), row.queueName(), row.applicationName());
  }

  private static CronSchedule cronOf(String name, String cron, String zone) {
    if (cron == null || cron.isBlank()) {
      throw new DbosException("schedule '" + name + "' needs a cron expression, e.g. \"0 0 2 * * *\" (02:00 daily)");
    }
    try {
      return CronSchedule.parse(cron, zoneOf(zone));
    } catch (IllegalArgumentException e) {
      throw new DbosException(
          "schedule '" + name + "': cron expression \"" + cron + "\" does not parse: " + e.getMessage()
              + "; give 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first");
    }
  }

  private static String zoneOf(String zone) {
    return zone == null || zone.isBlank() ? "UTC" : zone;
  }

  private static DbosException unknown(String name) {
    return new DbosException(
        "there is no schedule named '" + name + "'; list the schedules with DBOS.listSchedules() or 'dbos schedule list'");
  }
}
