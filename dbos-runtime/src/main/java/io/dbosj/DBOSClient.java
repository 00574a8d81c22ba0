package io.dbosj;

import io.dbosj.internal.exec.FirstFinished;
import io.dbosj.internal.exec.QueuePlacement;
import io.dbosj.internal.runtime.ClientRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Manages workflows from a process that has none of their classes: list and inspect them,
 * cancel, resume and fork them, enqueue a workflow by name for the processes that run it, wait
 * for results (read as plain JSON values: maps, lists, strings, numbers), send workflows
 * messages and read their events and streams. It runs no workflow and recovers nothing: it is
 * the system database's records, read and steered.
 *
 * <pre>{@code
 * try (DBOSClient client = DBOSClient.connect("postgresql://app:secret@db:5432/app")) {
 *   client.cancelWorkflow("order-42");
 *   WorkflowHandle<Object> h = client.enqueue("emails", "com.shop.Mailer", "send",
 *       StartOptions.defaults(), "ada@example.com");
 *   client.send("expense-17", "approved", "decision");
 *   Optional<String> status = client.getEvent("expense-17", "status", Duration.ofSeconds(5), String.class);
 * }
 * }</pre>
 */
public final class DBOSClient implements AutoCloseable {
  private final ClientRuntime runtime;

  private DBOSClient(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * Connects to the system database at {@code systemDatabaseUrl} (any form DBOS accepts), which
   * must exist: a missing SQLite file is an error, never created.
   *
   * @throws DbosException naming the database (password masked), if it cannot be reached
   */
  public static DBOSClient connect(String systemDatabaseUrl) {
    return new DBOSClient(ClientRuntime.connect(Objects.requireNonNull(systemDatabaseUrl, "systemDatabaseUrl")));
  }

  /** The workflows {@code filter} selects; a row that cannot be read is logged and skipped. */
  public List<WorkflowStatus> listWorkflows(WorkflowFilter filter) {
    return runtime.management().list(Objects.requireNonNull(filter, "filter"));
  }

  /**
   * The workflows {@code filter} selects; a row that cannot be read (an unknown status, say) is
   * skipped and given to {@code onUnreadable}, which says which row and column held what.
   */
  public List<WorkflowStatus> listWorkflows(WorkflowFilter filter, java.util.function.Consumer<UnreadableRow> onUnreadable) {
    return runtime.management().list(
        Objects.requireNonNull(filter, "filter"), Objects.requireNonNull(onUnreadable, "onUnreadable"));
  }

  /** @throws DbosException if no workflow has this ID */
  public WorkflowStatus getWorkflow(String workflowId) {
    return runtime.management().status(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /** @throws DbosException if no workflow has this ID */
  public List<StepInfo> listWorkflowSteps(String workflowId) {
    return runtime.management().listSteps(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /**
   * The current value of each event a workflow set, by key, as plain JSON values.
   *
   * @throws NoSuchWorkflowException if no workflow has this ID
   */
  public Map<String, Object> getAllEvents(String workflowId) {
    return runtime.communicationListing().events(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /**
   * Every value a workflow's events had, in the order its {@code setEvent}s ran.
   *
   * @throws NoSuchWorkflowException if no workflow has this ID
   */
  public List<WorkflowEventHistoryEntry> listEventHistory(String workflowId) {
    return runtime.communicationListing().eventHistory(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /**
   * The messages sent to a workflow that no {@code recv} has consumed yet, oldest first.
   *
   * @throws NoSuchWorkflowException if no workflow has this ID
   */
  public List<WorkflowMessage> listPendingMessages(String workflowId) {
    return runtime.communicationListing().pendingMessages(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /**
   * The values written to each of a workflow's streams, by key, in the order they were written
   * (DBOS's closing value left out), as plain JSON values; {@code readStream} waits for more.
   *
   * @throws NoSuchWorkflowException if no workflow has this ID
   */
  public Map<String, List<Object>> getAllStreamEntries(String workflowId) {
    return runtime.communicationListing().streams(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /** The workflows waiting on or running from a queue (every queue if null): DELAYED, ENQUEUED and PENDING, in queue order. */
  public List<WorkflowStatus> listQueuedWorkflows(String queueName) {
    return runtime.management().listQueued(queueName);
  }

  /**
   * Every process that announced itself in this system database, oldest first, with its state
   * judged against the default 30 s lease: {@code alive}, {@code lapsed}, {@code stopped}, or
   * {@code taken over by X}.
   */
  public List<ExecutorInfo> listExecutors() {
    return runtime.executors();
  }

  /**
   * Of these workflows, those that are {@code PENDING} or {@code ENQUEUED} but that no process
   * can run, each with the reason: they were recorded by an application version no live process
   * has (or, with none live, not the one started last), and their workflow's fingerprint is not in
   * that code either (see {@link WorkflowVersioning}). They wait until such a process runs, or
   * until moved with {@link #forkWorkflow(String, int, StartOptions, String)}.
   */
  public Map<String, String> strandedWorkflows(java.util.Collection<String> workflowIds) {
    return runtime.strandedReasons(List.copyOf(workflowIds));
  }

  /** As {@link #listQueuedWorkflows(String)}, with rows that cannot be read given to {@code onUnreadable}. */
  public List<WorkflowStatus> listQueuedWorkflows(String queueName, java.util.function.Consumer<UnreadableRow> onUnreadable) {
    return runtime.management().listQueued(queueName, Objects.requireNonNull(onUnreadable, "onUnreadable"));
  }

  /** A handle whose result is read as plain JSON values. */
  public WorkflowHandle<Object> retrieveWorkflow(String workflowId) {
    return runtime.management().retrieve(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /** A handle whose result is read as {@code type}: {@code client.retrieveWorkflow(id, Receipt.class)}. */
  public <R> WorkflowHandle<R> retrieveWorkflow(String workflowId, Class<R> type) {
    return runtime.management().retrieve(
        Objects.requireNonNull(workflowId, "workflowId"), Objects.requireNonNull(type, "type"));
  }

  public boolean cancelWorkflow(String workflowId) {
    return runtime.management().cancel(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /** {@link DBOS#deleteWorkflow(String)}: deletes a finished workflow and what it recorded; the IDs deleted. */
  public List<String> deleteWorkflow(String workflowId) {
    return deleteWorkflow(workflowId, false);
  }

  /** {@link DBOS#deleteWorkflow(String, boolean)}: with {@code deleteChildren}, its descendants too. */
  public List<String> deleteWorkflow(String workflowId, boolean deleteChildren) {
    return runtime.retention().delete(Objects.requireNonNull(workflowId, "workflowId"), deleteChildren);
  }

  /** {@link DBOS#garbageCollect}: deletes old finished workflows; how many. */
  public long garbageCollect(Instant createdBefore, Long keepNewest) {
    return runtime.retention().garbageCollect(createdBefore, keepNewest);
  }

  /** {@link DBOS#globalTimeout}: cancels the unfinished workflows created at or before the cutoff. */
  public List<String> globalTimeout(Instant createdBefore) {
    return runtime.retention().globalTimeout(Objects.requireNonNull(createdBefore, "createdBefore"));
  }

  /**
   * Cancels a workflow, and its unfinished descendants with {@link
   * CancelOptions#cancelChildren(boolean)}, in one transaction; the IDs cancelled. The process
   * running each of them notices within about a second: no further step starts, a durable sleep
   * or a wait ends, and its running step is interrupted if that process was built with {@link
   * DBOS.Builder#interruptStepsCancelledElsewhere(boolean)}.
   *
   * @throws IllegalArgumentException with {@link CancelOptions#interruptRunningStep(boolean)}:
   *     a client runs no step to interrupt, the running process decides
   * @throws DbosException if no workflow has this ID
   */
  public List<String> cancelWorkflow(String workflowId, CancelOptions options) {
    Objects.requireNonNull(workflowId, "workflowId");
    return runtime.management().cancel(workflowId, clientOptions(options));
  }

  /**
   * Cancels the unfinished workflows among those {@link #listWorkflows(WorkflowFilter)} lists for
   * {@code filter} (its limit too); their IDs.
   *
   * @throws IllegalArgumentException if {@code filter} selects by nothing at all
   */
  public List<String> cancelWorkflows(WorkflowFilter filter) {
    return cancelWorkflows(filter, CancelOptions.defaults());
  }

  /** {@link #cancelWorkflows(WorkflowFilter)}, with descendants if {@code options} say so. */
  public List<String> cancelWorkflows(WorkflowFilter filter, CancelOptions options) {
    return runtime.management().cancel(Objects.requireNonNull(filter, "filter"), clientOptions(options));
  }

  private static CancelOptions clientOptions(CancelOptions options) {
    if (Objects.requireNonNull(options, "options").interruptRunningStep()) {
      throw new IllegalArgumentException(
          "a DBOSClient cannot interrupt a running step: it runs none. The process running the workflow"
              + " interrupts it if built with DBOS.builder().interruptStepsCancelledElsewhere(true); here, leave"
              + " interruptRunningStep off");
    }
    return options;
  }

  public WorkflowHandle<Object> resumeWorkflow(String workflowId) {
    return runtime.management().resume(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /**
   * Forks {@code workflowId} from {@code startStep} (see {@link DBOS#forkWorkflow(String, int)});
   * the fork is recorded with no application version, so any process that has the workflow's
   * code runs it.
   */
  public WorkflowHandle<Object> forkWorkflow(String workflowId, int startStep, StartOptions options) {
    return forkWorkflow(workflowId, startStep, options, null);
  }

  /**
   * {@link #forkWorkflow(String, int, StartOptions)}, the fork recorded with application version
   * {@code appVersion} ({@code null}: none): only processes of that version, and those whose code
   * of the workflow is unchanged ({@link WorkflowVersioning#BY_WORKFLOW}), run it. How a workflow
   * recorded by code no process runs any more is moved onto a version that does.
   */
  public WorkflowHandle<Object> forkWorkflow(String workflowId, int startStep, StartOptions options, String appVersion) {
    return runtime.management().fork(
        Objects.requireNonNull(workflowId, "workflowId"), startStep, Objects.requireNonNull(options, "options").workflowId(),
        appVersion);
  }

  /**
   * Creates a schedule in the system database's {@code dbos.workflow_schedules}: every launched
   * process (of any application: a client's schedule is unowned) starts workflow {@code workflowName} of {@code workflowClass} at
   * each tick of {@code cron}, each tick once across processes, until it is paused or deleted.
   * The workflow takes {@code (Instant scheduledTime, T context)}:
   *
   * <pre>{@code
   * dbos.createSchedule("nightly-report", Reports.class, "nightly", "0 0 2 * * *",
   *     ScheduleOptions.defaults().timeZone("Europe/Paris").context("eu"));
   * }</pre>
   *
   * @throws DbosException if the cron expression or time zone does not parse, or the name is taken
   */
  public WorkflowSchedule createSchedule(
      String name, Class<?> workflowClass, String workflowName, String cron, ScheduleOptions options) {
    return createSchedule(name, Objects.requireNonNull(workflowClass, "workflowClass").getName(), workflowName, cron, options);
  }

  /** {@link #createSchedule(String, Class, String, String, ScheduleOptions)} naming the class by its binary name. */
  public WorkflowSchedule createSchedule(
      String name, String workflowClassName, String workflowName, String cron, ScheduleOptions options) {
    return runtime.schedules().create(name, workflowClassName, workflowName, cron, options == null ? ScheduleOptions.defaults() : options);
  }

  /** The schedules in {@code dbos.workflow_schedules} of every application, by name. */
  public List<WorkflowSchedule> listSchedules() {
    return runtime.schedules().list();
  }

  /** The schedule named {@code name}, if there is one. */
  public Optional<WorkflowSchedule> getSchedule(String name) {
    return runtime.schedules().find(Objects.requireNonNull(name, "name"));
  }

  /** Stops the schedule firing, in every process, until {@link #resumeSchedule}; {@link DbosException} if there is none. */
  public void pauseSchedule(String name) {
    runtime.schedules().pause(Objects.requireNonNull(name, "name"));
  }

  /** Makes a paused schedule fire again, from its next tick; {@link DbosException} if there is none. */
  public void resumeSchedule(String name) {
    runtime.schedules().resume(Objects.requireNonNull(name, "name"));
  }

  /** Deletes the schedule; the workflows it started stay. {@link DbosException} if there is none. */
  public void deleteSchedule(String name) {
    runtime.schedules().delete(Objects.requireNonNull(name, "name"));
  }

  /**
   * Runs every tick of the schedule in [{@code start}, {@code end}) that has not run: each tick's
   * workflow has the ID the schedule gives it, so a tick that ran, and a second backfill, start
   * nothing again. Returns the ticks' handles, oldest first.
   */
  public List<WorkflowHandle<Object>> backfillSchedule(String name, Instant start, Instant end) {
    return runtime.schedules().backfill(Objects.requireNonNull(name, "name"), Objects.requireNonNull(start, "start"),
            Objects.requireNonNull(end, "end"))
        .stream().map(id -> retrieveWorkflow(id)).toList();
  }

  /** Starts the schedule's workflow now, with this instant as its scheduled time; returns its handle. */
  public WorkflowHandle<Object> triggerSchedule(String name) {
    return retrieveWorkflow(runtime.schedules().trigger(Objects.requireNonNull(name, "name")));
  }

  /**
   * The queues kept in the system database's {@code dbos.queues}: every queue registered in code
   * (written there at launch) and those created at run time, with the limits every process's
   * runner applies.
   */
  public List<Queue> listQueues() {
    return runtime.queueConfigs().list().stream().map(Queue::of).toList();
  }

  /** The queue named {@code name} as {@code dbos.queues} keeps it, if it is there. */
  public Optional<Queue> getQueue(String name) {
    return runtime.queueConfigs().find(Objects.requireNonNull(name, "name")).map(Queue::of);
  }

  /**
   * Records {@code queue}'s limits in {@code dbos.queues}, creating the queue if it is new: every
   * process serving it applies them within about a second, without a restart, and a restart
   * keeps them (see the README on queues kept in the database). Returns whether it was new.
   */
  public boolean updateQueue(Queue queue) {
    return runtime.queueConfigs().update(Objects.requireNonNull(queue, "queue").limits());
  }

  /**
   * Deletes queue {@code name} from {@code dbos.queues}; returns whether it was there. Its
   * workflows stay as they are; a process that registers it in code writes it again at launch.
   */
  public boolean deleteQueue(String name) {
    return runtime.queueConfigs().delete(Objects.requireNonNull(name, "name"));
  }

  /** {@link DBOS#setWorkflowDelay(String, Duration)}, from outside the application. */
  public void setWorkflowDelay(String workflowId, Duration delay) {
    setWorkflowDelay(workflowId, Instant.now().plus(DBOS.nonNegative(delay)));
  }

  /** {@link DBOS#setWorkflowDelay(String, Instant)}, from outside the application. */
  public void setWorkflowDelay(String workflowId, Instant until) {
    runtime.management().setDelay(
        Objects.requireNonNull(workflowId, "workflowId"), Objects.requireNonNull(until, "until"));
  }

  /**
   * Waits for the first of {@code handles}' workflows to finish, with any final status, and
   * returns its handle; one poller of this client watches them all, no thread per handle.
   *
   * @throws IllegalArgumentException if {@code handles} is null or empty, holds a null handle, or
   *     holds one workflow twice
   */
  public <H extends WorkflowHandle<?>> H waitFirst(List<H> handles) {
    return FirstFinished.waitFirst(runtime.poller(), handles);
  }

  /**
   * Enqueues workflow {@code workflowName} of {@code className} (its binary name) on {@code
   * queueName}, for whichever process has that class and queue registered.
   */
  public WorkflowHandle<Object> enqueue(
      String queueName, String className, String workflowName, StartOptions options, Object... args) {
    Objects.requireNonNull(queueName, "queueName");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(workflowName, "workflowName");
    Objects.requireNonNull(options, "options");
    String id = options.workflowId() != null ? options.workflowId() : UUID.randomUUID().toString();
    String enqueued = runtime.admission().enqueueByName(
        id, className, workflowName, "", runtime.json().encodeUntyped(args),
        QueuePlacement.of(queueName, options, Instant.now()), options.timeout());
    return retrieveWorkflow(enqueued);
  }

  /**
   * Sends {@code message} to workflow {@code destinationId} on {@code topic} ({@code null}: the
   * default topic), in DBOS's format, so a DBOS workflow of any language receives it too.
   *
   * @throws NoSuchWorkflowException if no workflow has that ID
   */
  public void send(String destinationId, Object message, String topic) {
    runtime.communication().send(destinationId, message, topic, null);
  }

  /**
   * {@link #send(String, Object, String)} once per {@code idempotencyKey}: sending again with the
   * same key delivers no second message (DBOS's message ID {@code <key>::<destinationId>}).
   */
  public void send(String destinationId, Object message, String topic, String idempotencyKey) {
    runtime.communication().send(destinationId, message, topic, Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
  }

  /**
   * The latest value workflow {@code workflowId} set for {@code key}, read as {@code type},
   * waiting up to {@code timeout} for it to be set; empty if it was not by then.
   */
  public <T> Optional<T> getEvent(String workflowId, String key, Duration timeout, Class<T> type) {
    return runtime.listening().getEvent(workflowId, key, timeout, type);
  }

  /**
   * The values workflow {@code workflowId} writes to stream {@code key}, read as {@code type},
   * from the first on; the stream blocks for each next value and ends when the workflow closes
   * the stream or has ended.
   */
  public <T> Stream<T> readStream(String workflowId, String key, Class<T> type) {
    return readStream(workflowId, key, 0, type);
  }

  /** {@link #readStream(String, String, Class)} from offset {@code fromOffset} (0 is the first value). */
  public <T> Stream<T> readStream(String workflowId, String key, int fromOffset, Class<T> type) {
    return runtime.listening().readStream(workflowId, key, fromOffset, type);
  }

  @Override
  public void close() {
    runtime.close();
  }
}
