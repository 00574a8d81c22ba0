package io.dbosj;

import io.dbosj.internal.config.ConfigSources;
import io.dbosj.internal.exec.ActiveTransaction;
import io.dbosj.internal.exec.CallRouter;
import io.dbosj.internal.exec.Checkpointer;
import io.dbosj.internal.exec.Patches;
import io.dbosj.internal.exec.CurrentContext;
import io.dbosj.internal.exec.FirstFinished;
import io.dbosj.internal.exec.WorkflowCommunication;
import io.dbosj.internal.exec.WorkflowContext;
import io.dbosj.internal.runtime.DbosRuntime;
import io.dbosj.internal.runtime.RuntimeHolder;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jooq.DSLContext;

/**
 * The durable workflow runtime of one application: where workflows are recorded, and what recovers
 * them.
 *
 * <pre>{@code
 * try (DBOS dbos = DBOS.builder().build()) {        // no URL: an embedded SQLite file
 *   GreeterDurable greeter = new GreeterDurable(dbos);
 *   dbos.launch();                                  // recovers unfinished workflows
 *   greeter.greet();
 * }
 * }</pre>
 *
 * <p>Create every {@code XxxDurable} object before {@link #launch()}: launch recovers the
 * workflows of the objects registered by then, and registration closes with it.
 */
public final class DBOS extends RuntimeHolder implements AutoCloseable {
  private final DbosRuntime runtime;

  private DBOS(DbosRuntime runtime) {
    super(runtime);
    this.runtime = runtime;
  }

  /** Starts configuring a {@code DBOS}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Connects to the system database, creates or upgrades its tables, and starts recovering this
   * executor's unfinished workflows in the background.
   *
   * @throws DbosException naming the database (password masked) and the cause, if it cannot be
   *     reached
   */
  public void launch() {
    runtime.launch();
  }

  /**
   * The recovery {@link #launch()} started in the background: completes with the IDs of the
   * pending workflows it found and put back on their queues or restarted here, once it has done
   * so for every one of them (their executions may still be running). It completes exceptionally
   * if recovery failed (the workflows stay {@code PENDING} for the next launch) or {@link #close()}
   * stopped it. Each call returns a new future, so completing or cancelling one changes nothing.
   *
   * <pre>{@code
   * dbos.launch();
   * List<String> recovered = dbos.recovery().get(30, TimeUnit.SECONDS);
   * log.info("recovered {} workflow(s): {}", recovered.size(), recovered);
   * }</pre>
   *
   * <p>Workflows recovery skips are not listed: those no registered object provides (left for a
   * process that has their class) and those given up on with {@code
   * MAX_RECOVERY_ATTEMPTS_EXCEEDED}.
   *
   * @throws IllegalStateException before {@link #launch()}
   */
  public CompletableFuture<List<String>> recovery() {
    return runtime.recovery();
  }

  /**
   * Stops this runtime. Workflows still running are interrupted and stay {@code PENDING}, so the
   * next launch with the same executor ID finishes them; nothing is recorded as failed.
   */
  @Override
  public void close() {
    runtime.close();
  }

  /**
   * Registers a queue, before {@link #launch()}. Registering one name twice with different
   * options is an error; registering the same queue again is harmless.
   */
  public void register(Queue queue) {
    Objects.requireNonNull(queue, "queue");
    runtime.register(queue.limits(), queue.toString());
  }

  /**
   * The workflows waiting on or running from {@code queueName} ({@code ENQUEUED} or {@code
   * PENDING}), in the order the queue takes them; every queue's if {@code queueName} is null.
   */
  public List<WorkflowStatus> listQueuedWorkflows(String queueName) {
    return runtime.listQueued(queueName);
  }

  /**
   * Every process that announced itself in the system database (this one too), oldest first:
   * executor ID, host, pid, version, started, last heartbeat, and state ({@code alive}, {@code
   * lapsed}, {@code stopped}, {@code taken over by X}). After {@link #launch()} only.
   */
  public List<ExecutorInfo> listExecutors() {
    return runtime.listExecutors();
  }

  /** The port the admin server listens on, or -1 if it is not running. */
  public int adminPort() {
    return runtime.adminPort();
  }

  /** The application name this runtime was configured with. */
  public String appName() {
    return runtime.config().appName();
  }

  /**
   * This process's executor ID: it recovers the workflows started under this ID. Before {@link
   * #launch()} the configured one; after, the one in use, which differs when the default {@code
   * local} was held by another live process and launch took a distinct {@code local-<random>}.
   */
  public String executorId() {
    return runtime.executorId();
  }

  /**
   * A handle on a recorded workflow, whatever process started it. Its result is read as the
   * workflow's declared type when a registered object provides the workflow, otherwise as plain
   * JSON values (maps, lists, strings, numbers).
   *
   * @throws DbosException if no workflow has this ID
   */
  public <R> WorkflowHandle<R> retrieveWorkflow(String workflowId) {
    return runtime.retrieve(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /**
   * A handle on a recorded workflow whose result is read as {@code type}: {@code
   * dbos.retrieveWorkflow("order-42", Receipt.class).getResult()}. Where a registered object
   * provides the workflow, its declared result type must be a {@code type}; elsewhere (a process
   * without its class) the recorded JSON is read as {@code type}.
   *
   * @throws DbosException if no workflow has this ID
   * @throws IllegalArgumentException if the workflow's declared result is not a {@code type}
   */
  public <R> WorkflowHandle<R> retrieveWorkflow(String workflowId, Class<R> type) {
    return runtime.retrieve(
        Objects.requireNonNull(workflowId, "workflowId"), Objects.requireNonNull(type, "type"));
  }

  // ------------------------------------------------------------ managing workflows

  /** The workflows {@code filter} selects, newest first unless it says otherwise. */
  public List<WorkflowStatus> listWorkflows(WorkflowFilter filter) {
    return runtime.listWorkflows(Objects.requireNonNull(filter, "filter"));
  }

  /**
   * A workflow's recorded operations, in order: steps, durable sleeps, child workflows and
   * transactions.
   *
   * @throws DbosException if no workflow has this ID
   */
  public List<StepInfo> listWorkflowSteps(String workflowId) {
    return runtime.listSteps(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /**
   * The current value of each event a workflow set, by key, read as plain JSON values (maps,
   * lists, strings, numbers): {@code dbos.getAllEvents("order-42").get("status")}.
   *
   * @throws NoSuchWorkflowException if no workflow has this ID
   */
  public Map<String, Object> getAllEvents(String workflowId) {
    return runtime.communicationListing().events(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /**
   * Every value a workflow's events had, in the order its {@code setEvent}s ran, each with its
   * function ID.
   *
   * @throws NoSuchWorkflowException if no workflow has this ID
   */
  public List<WorkflowEventHistoryEntry> listEventHistory(String workflowId) {
    return runtime.communicationListing().eventHistory(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /**
   * The messages sent to a workflow that no {@code recv} has consumed yet, oldest first: what its
   * next {@code recv}s would take.
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

  /**
   * Cancels a workflow that has not finished: a running execution stops at its next step (with
   * {@link WorkflowCancelledException}), and the workflow is not recovered. Returns {@code false}
   * if it had already finished. {@link #cancelWorkflow(String, CancelOptions)} reaches further:
   * descendants, the running step.
   *
   * @throws DbosException if no workflow has this ID
   */
  public boolean cancelWorkflow(String workflowId) {
    return runtime.cancel(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /**
   * Deletes a finished workflow with everything it recorded: its steps, inputs and outcome, the
   * messages sent to it, its events and their history, its streams. Returns the IDs deleted
   * (empty if no workflow has this ID).
   *
   * @throws UnfinishedWorkflowException if it has not finished (nothing is deleted): cancel it first
   */
  public List<String> deleteWorkflow(String workflowId) {
    return deleteWorkflow(workflowId, false);
  }

  /**
   * {@link #deleteWorkflow(String)}, with {@code deleteChildren} also its descendants (children,
   * their children, ...), all in one transaction; returns the IDs deleted.
   *
   * @throws UnfinishedWorkflowException if it or a descendant has not finished (nothing is deleted)
   */
  public List<String> deleteWorkflow(String workflowId, boolean deleteChildren) {
    return runtime.retention().delete(Objects.requireNonNull(workflowId, "workflowId"), deleteChildren);
  }

  /**
   * Deletes the finished workflows created before {@code createdBefore}, and those beyond the
   * {@code keepNewest} most recently created (counting unfinished ones, which are never deleted);
   * either may be null, not both. Returns how many were deleted. DBOS's garbage collection; see
   * {@link Retention} to have it run periodically.
   */
  public long garbageCollect(Instant createdBefore, Long keepNewest) {
    return runtime.retention().garbageCollect(createdBefore, keepNewest);
  }

  /**
   * DBOS's global timeout: cancels every workflow not yet finished ({@code PENDING} or {@code
   * ENQUEUED}) created at or before {@code createdBefore}. Returns the IDs it cancelled.
   */
  public List<String> globalTimeout(Instant createdBefore) {
    return runtime.retention().globalTimeout(Objects.requireNonNull(createdBefore, "createdBefore"));
  }

  /**
   * Cancels a workflow that has not finished, as far as {@code options} say: its unfinished
   * descendants too ({@link CancelOptions#cancelChildren(boolean)}), and the step running now
   * interrupted ({@link CancelOptions#interruptRunningStep(boolean)}). In one transaction; a
   * workflow that finished meanwhile stays as it finished. Returns the IDs cancelled, this one
   * first (empty if it had finished).
   *
   * <pre>{@code
   * dbos.cancelWorkflow("order-42", CancelOptions.defaults().cancelChildren(true).interruptRunningStep(true));
   * }</pre>
   *
   * @throws DbosException if no workflow has this ID
   */
  public List<String> cancelWorkflow(String workflowId, CancelOptions options) {
    return runtime.cancel(
        Objects.requireNonNull(workflowId, "workflowId"), Objects.requireNonNull(options, "options"));
  }

  /**
   * Cancels the unfinished workflows among those {@link #listWorkflows(WorkflowFilter)} would list
   * for {@code filter} (its limit too: at most 100 unless told), with {@link
   * CancelOptions#defaults()}; the IDs cancelled.
   *
   * <pre>{@code
   * dbos.cancelWorkflows(WorkflowFilter.all().name("checkout").states(WorkflowState.ENQUEUED).limit(1000));
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code filter} selects by nothing at all ({@code
   *     WorkflowFilter.all()}): say what to cancel, e.g. {@code states(PENDING, ENQUEUED)}
   */
  public List<String> cancelWorkflows(WorkflowFilter filter) {
    return cancelWorkflows(filter, CancelOptions.defaults());
  }

  /** {@link #cancelWorkflows(WorkflowFilter)} as far as {@code options} say. */
  public List<String> cancelWorkflows(WorkflowFilter filter, CancelOptions options) {
    return runtime.cancel(Objects.requireNonNull(filter, "filter"), Objects.requireNonNull(options, "options"));
  }

  /**
   * Starts a cancelled, failed or stuck workflow again from its last recorded step, in whichever
   * process's queue runner takes it first (this one, if no other). A workflow that succeeded is
   * left as it is.
   *
   * @throws DbosException if no workflow has this ID
   */
  public <R> WorkflowHandle<R> resumeWorkflow(String workflowId) {
    return runtime.resume(Objects.requireNonNull(workflowId, "workflowId"));
  }

  /**
   * Starts a new workflow with the inputs of {@code workflowId} that reuses the recorded
   * outcomes of its operations before {@code startStep} and runs the rest again: re-run a
   * workflow from a step, e.g. with fixed code.
   */
  public <R> WorkflowHandle<R> forkWorkflow(String workflowId, int startStep) {
    return forkWorkflow(workflowId, startStep, StartOptions.defaults());
  }

  /** {@link #forkWorkflow(String, int)} with options; the ID, if given, is the fork's. */
  public <R> WorkflowHandle<R> forkWorkflow(String workflowId, int startStep, StartOptions options) {
    Objects.requireNonNull(options, "options");
    return runtime.fork(Objects.requireNonNull(workflowId, "workflowId"), startStep, options.workflowId());
  }

  /**
   * Makes {@code DELAYED} workflow {@code workflowId} (enqueued with {@link
   * StartOptions#delay(Duration)}) join its queue {@code delay} from now instead; {@link
   * Duration#ZERO} puts it on its queue at once.
   *
   * @throws IllegalStateException if it is no longer {@code DELAYED}; nothing is changed
   * @throws DbosException if no workflow has this ID
   */
  public void setWorkflowDelay(String workflowId, Duration delay) {
    setWorkflowDelay(workflowId, Instant.now().plus(nonNegative(delay)));
  }

  /** {@link #setWorkflowDelay(String, Duration)} to an instant. */
  public void setWorkflowDelay(String workflowId, Instant until) {
    runtime.setDelay(Objects.requireNonNull(workflowId, "workflowId"), Objects.requireNonNull(until, "until"));
  }

  static Duration nonNegative(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a delay must not be negative, was " + delay);
    }
    return delay;
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

  // ------------------------------------------------------------ schedules kept in the database

  /**
   * Creates a schedule in the system database's {@code dbos.workflow_schedules}: every launched
   * process of this application starts workflow {@code workflowName} of {@code workflowClass} at
   * each tick of {@code cron}, each tick once across processes, until it is paused or deleted.
   * The workflow takes {@code (Instant scheduledTime, T context)}:
   *
   * <pre>{@code
   * dbos.createSchedule("nightly-report", Reports.class, "nightly", "0 0 2 * * *",
   *     ScheduleOptions.defaults().timeZone("Europe/Paris").context("eu"));
   * }</pre>
   *
   * @throws DbosException if the workflow is not registered or does not take those arguments, the
   *     cron expression or time zone does not parse, or the name is taken
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

  /** The schedules in {@code dbos.workflow_schedules} this application runs, by name. */
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
        .stream().map(id -> this.<Object>retrieveWorkflow(id)).toList();
  }

  /** Starts the schedule's workflow now, with this instant as its scheduled time; returns its handle. */
  public WorkflowHandle<Object> triggerSchedule(String name) {
    return retrieveWorkflow(runtime.schedules().trigger(Objects.requireNonNull(name, "name")));
  }

  // ------------------------------------------------------------ messages, events and streams

  /**
   * Sends {@code message} to workflow {@code destinationId} on {@code topic} ({@code null}: the
   * default topic), from any thread of this process, through this runtime's own connections: the
   * instance form of {@link #send}, for callers outside workflows (an HTTP handler, say).
   *
   * @throws NoSuchWorkflowException if no workflow has that ID
   */
  public void sendMessage(String destinationId, Object message, String topic) {
    runtime.communication().send(destinationId, message, topic, null);
  }

  /**
   * {@link #sendMessage(String, Object, String)} once per {@code idempotencyKey}: sending again
   * with the same key (a retried HTTP request, say) delivers no second message.
   */
  public void sendMessage(String destinationId, Object message, String topic, String idempotencyKey) {
    runtime.communication().send(destinationId, message, topic, Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
  }

  /**
   * The latest value workflow {@code workflowId} set for {@code key}, read as {@code type},
   * waiting up to {@code timeout} for it to be set; empty if it was not by then. The instance
   * form of {@link #getEvent}, for callers outside workflows.
   */
  public <T> Optional<T> getWorkflowEvent(String workflowId, String key, Duration timeout, Class<T> type) {
    return runtime.communication().getEvent(workflowId, key, timeout, type);
  }

  /**
   * The values workflow {@code workflowId} writes to stream {@code key}, read as {@code type},
   * from the first on. The stream blocks for each next value and ends when the workflow closes the
   * stream or has ended:
   *
   * <pre>{@code
   * try (Stream<String> lines = dbos.readStream("report-7", "progress", String.class)) {
   *   lines.forEach(System.out::println);
   * }
   * }</pre>
   *
   * @throws NoSuchWorkflowException when read, if no workflow has that ID
   */
  public <T> Stream<T> readStream(String workflowId, String key, Class<T> type) {
    return readStream(workflowId, key, 0, type);
  }

  /** {@link #readStream(String, String, Class)} from offset {@code fromOffset} (0 is the first value). */
  public <T> Stream<T> readStream(String workflowId, String key, int fromOffset, Class<T> type) {
    return runtime.communication().readStream(workflowId, key, fromOffset, type);
  }

  // ------------------------------------------------------------ inside workflows

  /** The ID of the workflow running on this thread, or {@code null} outside workflows. */
  public static String workflowId() {
    WorkflowContext context = CurrentContext.workflow();
    return context == null ? null : context.workflowId();
  }

  /**
   * Whether this execution of the workflow takes the patched path: changing a workflow's code
   * safely while executions recorded by the old code are in flight.
   *
   * <pre>{@code
   * if (DBOS.patch("tax-by-region")) {
   *   tax = taxes.byRegion(order);     // the new step
   * } else {
   *   tax = taxes.flat(order);         // what executions recorded before the patch replay
   * }
   * }</pre>
   *
   * A new execution records the patch (an operation named {@code DBOS.patch-<name>}, as DBOS
   * records it) and gets {@code true}; one recorded before the patch existed has the old code's
   * operation at this position and gets {@code false}. Once no old execution can run again,
   * replace it with {@link #deprecatePatch}, and later remove that too.
   *
   * @throws IllegalStateException outside a workflow's body (in a step, or no workflow)
   */
  public static boolean patch(String name) {
    return Patches.patch(name);
  }

  /**
   * The second phase of retiring a {@link #patch}: always {@code true}, records nothing, and
   * steps over the marker that executions of the patched code recorded, so they still replay.
   */
  public static boolean deprecatePatch(String name) {
    return Patches.deprecatePatch(name);
  }

  /**
   * Sleeps durably: inside a workflow the wake-up time is recorded once, so after a restart the
   * workflow sleeps only what remains. Outside a workflow it is a plain sleep.
   */
  public static void sleep(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    Checkpointer.sleep(duration);
  }

  /**
   * The jOOQ context of the {@code @Transaction} running on this thread: its statements run in
   * the transaction that also records the method's output.
   *
   * <pre>{@code
   * @Transaction
   * public int insertRow(String name) {
   *   return DBOS.sql().insertInto(table("example_table")).set(field("name"), name).execute();
   * }
   * }</pre>
   *
   * @throws IllegalStateException outside a {@code @Transaction} method
   */
  public static DSLContext sql() {
    return currentTransaction("DBOS.sql()").sql();
  }

  /** The JDBC connection of the {@code @Transaction} running on this thread; do not commit it. */
  public static Connection connection() {
    return currentTransaction("DBOS.connection()").connection();
  }

  private static ActiveTransaction currentTransaction(String what) {
    ActiveTransaction transaction = CurrentContext.transaction();
    if (transaction == null) {
      throw new IllegalStateException(
          what
              + " is only available inside a @Transaction method (or code it calls), where it is"
              + " the transaction that also records the method's result; annotate the method that"
              + " does the database work with @Transaction");
    }
    return transaction;
  }

  /**
   * Starts a workflow in the background and returns its handle once the workflow is durably
   * recorded. The lambda names the call: {@code DBOS.startWorkflow(() -> process(order),
   * StartOptions.id("order-42"))}. Inside a workflow, the start is itself recorded, so a
   * re-execution finds the same child instead of starting another.
   */
  public static <R> WorkflowHandle<R> startWorkflow(Supplier<R> call, StartOptions options) {
    return CallRouter.startCaptured(
        Objects.requireNonNull(call, "call"),
        Objects.requireNonNull(options, "options"),
        "the lambda given to DBOS.startWorkflow");
  }

  /**
   * Waits for the first of {@code handles}' workflows to finish, with any final status (success,
   * error, cancelled), and returns its handle; read its result with {@code getResult()}. No
   * thread waits per handle. Inside a workflow the choice is recorded as an operation ({@code
   * DBOS.waitFirst}, as DBOS records it): a re-executed workflow gets the same handle at once,
   * whichever finishes first then.
   *
   * <pre>{@code
   * WorkflowHandle<Quote> fastest = DBOS.waitFirst(List.of(
   *     DBOS.startWorkflow(() -> quote("north")), DBOS.startWorkflow(() -> quote("south"))));
   * Quote quote = fastest.getResult();
   * }</pre>
   *
   * Outside a workflow it waits through the {@code DBOS} (or client) the handles came from;
   * handles of another {@code DBOS} on the same system database are fine.
   *
   * @throws IllegalArgumentException if {@code handles} is null or empty, holds a null handle, or
   *     holds one workflow twice
   */
  public static <H extends WorkflowHandle<?>> H waitFirst(List<H> handles) {
    return FirstFinished.waitFirst(handles);
  }

  /** {@link #startWorkflow(Supplier, StartOptions)} for a workflow without a result. */
  public static WorkflowHandle<Void> startWorkflow(Runnable call, StartOptions options) {
    Objects.requireNonNull(call, "call");
    return startWorkflow(
        () -> {
          call.run();
          return null;
        },
        options);
  }

  /** Starts a workflow in the background with a generated ID. */
  public static <R> WorkflowHandle<R> startWorkflow(Supplier<R> call) {
    return startWorkflow(call, StartOptions.defaults());
  }

  /**
   * Sends {@code message} to workflow {@code destinationId} on {@code topic} ({@code null}: the
   * default topic). Recorded as an operation of the calling workflow, in the commit that stores
   * the message: a re-executed workflow does not send it again. Called from a step, it sends
   * without being recorded (as each run of the step does).
   *
   * @throws NoSuchWorkflowException if no workflow has that ID (recorded too: a re-execution
   *     fails the same way)
   * @throws IllegalStateException outside a workflow: use {@link #sendMessage} or {@link
   *     DBOSClient#send} there
   */
  public static void send(String destinationId, Object message, String topic) {
    WorkflowContext c = WorkflowCommunication.current("DBOS.send", OUTSIDE_SEND);
    c.communication().send(c, destinationId, message, topic);
  }

  /**
   * The oldest message on {@code topic} ({@code null}: the default topic) sent to the calling
   * workflow that no recv took yet, read as {@code type}, waiting up to {@code timeout} for one;
   * empty if none came by then. The message is consumed in the commit that records this
   * operation, so it is received exactly once; a re-executed workflow gets the recorded message,
   * and a workflow restarted while waiting waits only what remains of {@code timeout}.
   *
   * @throws DbosException naming the workflow, the topic and the type, if the message does not
   *     read as {@code type} (the message stays unconsumed)
   * @throws IllegalStateException outside a workflow's body (in a step, too)
   */
  public static <T> Optional<T> recv(String topic, Duration timeout, Class<T> type) {
    WorkflowContext c = WorkflowCommunication.current("DBOS.recv", ": only a workflow has messages");
    return c.communication().recv(c, topic, timeout, type);
  }

  /**
   * Sets event {@code key} of the calling workflow to {@code value}: readers of the key get the
   * latest value, and every value is kept in DBOS's {@code workflow_events_history}. Recorded as
   * an operation, in the same commit.
   *
   * @throws IllegalStateException outside a workflow
   */
  public static void setEvent(String key, Object value) {
    WorkflowContext c = WorkflowCommunication.current("DBOS.setEvent", ": only a workflow has events");
    c.communication().setEvent(c, key, value);
  }

  /**
   * The latest value workflow {@code workflowId} set for {@code key}, read as {@code type},
   * waiting up to {@code timeout}; empty if it was not set by then. Recorded as an operation of
   * the calling workflow: a re-execution gets the same answer.
   *
   * @throws IllegalStateException outside a workflow: use {@link #getWorkflowEvent} or {@link
   *     DBOSClient#getEvent} there
   */
  public static <T> Optional<T> getEvent(String workflowId, String key, Duration timeout, Class<T> type) {
    WorkflowContext c = WorkflowCommunication.current("DBOS.getEvent", OUTSIDE_GET_EVENT);
    return c.communication().getEvent(c, workflowId, key, timeout, type);
  }

  /**
   * Appends {@code value} to the calling workflow's stream {@code key}, at the next offset;
   * recorded as an operation, so a re-execution does not append it again. Readers ({@link
   * #readStream}, {@link DBOSClient#readStream}) see it as soon as it commits.
   *
   * @throws IllegalStateException outside a workflow
   */
  public static void writeStream(String key, Object value) {
    WorkflowContext c = WorkflowCommunication.current("DBOS.writeStream", ": only a workflow has streams");
    c.communication().writeStream(c, key, value);
  }

  /** Closes the calling workflow's stream {@code key}: its readers' streams end after the last value. */
  public static void closeStream(String key) {
    WorkflowContext c = WorkflowCommunication.current("DBOS.closeStream", ": only a workflow has streams");
    c.communication().closeStream(c, key);
  }

  private static final String OUTSIDE_SEND =
      "; outside one, send with dbos.sendMessage(destinationId, message, topic) or DBOSClient.send(...)";
  private static final String OUTSIDE_GET_EVENT =
      "; outside one, read events with dbos.getWorkflowEvent(workflowId, key, timeout, type) or"
          + " DBOSClient.getEvent(...)";

  /**
   * Configures a {@link DBOS}. Each setting is taken, in order, from the builder, the environment
   * ({@code DBOS_SYSTEM_DATABASE_URL}, {@code DBOS_DATABASE_URL}, {@code DBOS_APP_VERSION}, {@code
   * DBOS_EXECUTOR_ID}), {@code dbos-config.yaml} in the working directory, and the default: a
   * SQLite file named after the application.
   */
  public static final class Builder {
    private String appName;
    private String systemDatabaseUrl;
    private String databaseUrl;
    private String executorId;
    private String appVersion;
    private Path configFile = Path.of("dbos-config.yaml");
    private Boolean adminServer;
    private Integer adminPort;
    private Duration heartbeatInterval;
    private Duration executorLease;
    private Duration databaseRetryLimit;
    private Clock clock = Clock.systemUTC();
    private Retention retention;
    private boolean interruptStepsCancelledElsewhere;
    private WorkflowVersioning workflowVersioning = WorkflowVersioning.BY_WORKFLOW;
    private java.util.Set<String> listenedQueues;

    private Builder() {}

    /**
     * Makes this process dequeue only from these queues (each registered with {@link
     * DBOS#register(Queue)}): say, a fleet of GPU workers that serve "render" while the web
     * processes only enqueue onto it. Workflows resumed or forked in this process still run. By
     * default a process serves every queue it registers. Its limits still count what other
     * processes run.
     */
    public Builder listenQueues(Queue... queues) {
      java.util.Set<String> names = new java.util.LinkedHashSet<>();
      for (Queue queue : queues) {
        names.add(Objects.requireNonNull(queue, "queue").name());
      }
      this.listenedQueues = names;
      return this;
    }

    /**
     * Which recorded workflows this process recovers and dequeues (default {@link
     * WorkflowVersioning#BY_WORKFLOW}: those of its application version, and those of others
     * whose workflow's signature is unchanged here). {@link WorkflowVersioning#BY_APPLICATION_VERSION}
     * is DBOS's rule, by the application version alone.
     */
    public Builder workflowVersioning(WorkflowVersioning versioning) {
      this.workflowVersioning = Objects.requireNonNull(versioning, "versioning");
      return this;
    }

    /**
     * Whether a cancel this process learns of from the database, made by a {@code DBOSClient}, the
     * {@code dbos} command, another process or DBOS's own tools, interrupts the step running here
     * (as {@link CancelOptions#interruptRunningStep(boolean)} does for a cancel made in this
     * process). Off by default: the step finishes, and nothing after it runs. Such a cancel is
     * noticed within about a second either way, and ends a durable sleep or a wait for a message
     * or an event at once.
     */
    public Builder interruptStepsCancelledElsewhere(boolean interrupt) {
      this.interruptStepsCancelledElsewhere = interrupt;
      return this;
    }

    /** The application's name; the default SQLite file is {@code <appName>.sqlite}. */
    public Builder appName(String name) {
      this.appName = name;
      return this;
    }

    /**
     * Where workflows are recorded: {@code postgresql://user:pass@host:5432/db}, {@code
     * jdbc:postgresql://...}, {@code sqlite:///path/app.sqlite} or {@code jdbc:sqlite:path}.
     */
    public Builder systemDatabaseUrl(String url) {
      this.systemDatabaseUrl = url;
      return this;
    }

    /**
     * The application database, where {@code @Transaction} methods run. When no system database
     * is given, workflows are recorded here too.
     */
    public Builder databaseUrl(String url) {
      this.databaseUrl = url;
      return this;
    }

    /**
     * This process's identity for recovery (default {@code local}). Give each process sharing a
     * system database its own, and reuse it when the process restarts.
     */
    public Builder executorId(String id) {
      this.executorId = id;
      return this;
    }

    /**
     * The application version recorded with each workflow. By default a hash of the registered
     * durable methods' signatures.
     */
    public Builder appVersion(String version) {
      this.appVersion = version;
      return this;
    }

    /**
     * Whether to serve the admin HTTP endpoints (health, recovery, queue metadata, workflow
     * management) on 127.0.0.1; on by default, on port 3001. A taken port is logged, not fatal.
     */
    public Builder adminServer(boolean enabled) {
      this.adminServer = enabled;
      return this;
    }

    /**
     * How often this process renews its executor's heartbeat in the system database (default 5
     * s; environment {@code DBOS_EXECUTOR_HEARTBEAT}, {@code runtimeConfig.executor_heartbeat}).
     */
    public Builder heartbeatInterval(Duration interval) {
      this.heartbeatInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * How long after an executor's last heartbeat a live process takes over its {@code PENDING}
     * workflows (default 30 s; environment {@code DBOS_EXECUTOR_LEASE}, {@code
     * runtimeConfig.executor_lease}). Must be longer than the heartbeat interval:
     *
     * <pre>{@code
     * DBOS.builder().heartbeatInterval(Duration.ofSeconds(2)).executorLease(Duration.ofSeconds(10)).build();
     * }</pre>
     */
    public Builder executorLease(Duration lease) {
      this.executorLease = Objects.requireNonNull(lease, "lease");
      return this;
    }

    /**
     * How long a system-database call retries when the database is unreachable (a restart, a lost
     * connection, SQLite locked) before giving up; three minutes by default, else {@code
     * DBOS_DATABASE_RETRY_LIMIT} (seconds or ISO-8601). Nothing is recorded as a workflow's outcome
     * meanwhile; past the limit a workflow stops, stays {@code PENDING}, its caller gets a {@link
     * SystemDatabaseUnreachableException}, and this process recovers it once the database is back.
     *
     * <pre>{@code
     * DBOS.builder().databaseRetryLimit(Duration.ofMinutes(10)).build();
     * }</pre>
     */
    public Builder databaseRetryLimit(Duration limit) {
      Objects.requireNonNull(limit, "limit");
      if (limit.isNegative()) {
        throw new IllegalArgumentException("the database retry limit cannot be negative: " + limit);
      }
      this.databaseRetryLimit = limit;
      return this;
    }

    /** The admin server's port (3001 by default; 0 picks a free one). */
    public Builder adminPort(int port) {
      this.adminPort = port;
      return this;
    }

    /**
     * Where {@code @Scheduled} workflows read the time: the instant their ticks fall due, the ticks
     * missed while no process ran, and each tick's {@code actualTime}. By default the system clock
     * ({@link Clock#systemUTC()}). A test gives a clock it moves itself, so ticks happen when the
     * test says rather than when real time has passed; the scheduler notices such a clock moving
     * within about 10 ms of real time:
     *
     * <pre>{@code
     * // a Clock subclass of the test's own, whose instant() only moves when advance() is called
     * MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00.5Z"));
     * try (DBOS dbos = DBOS.builder().clock(clock).build()) {
     *   new ReportsDurable(dbos);
     *   dbos.launch();
     *   clock.advance(Duration.ofSeconds(3));   // an every-second schedule fires 3 ticks now
     * }
     * }</pre>
     *
     * Workflow timeouts, durable sleeps and recorded timestamps keep using the system clock.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Deletes finished workflows periodically, as {@link DBOS#garbageCollect} would: those older
     * than the retention's age and beyond its newest N, at launch and every interval after (on
     * the {@link #clock(Clock) clock}). By default nothing is deleted.
     */
    public Builder retention(Retention retention) {
      this.retention = Objects.requireNonNull(retention, "retention");
      return this;
    }

    /** Reads configuration from this YAML file instead of {@code dbos-config.yaml}. */
    public Builder configFile(Path file) {
      this.configFile = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Resolves the configuration. Nothing is connected until {@link DBOS#launch()}.
     *
     * @throws IllegalArgumentException naming the setting and its source, if a URL is malformed or
     *     the configuration file cannot be read
     */
    public DBOS build() {
      ConfigSources sources = new ConfigSources(System.getenv(), configFile);
      return new DBOS(
          new DbosRuntime(
              sources.resolve(
                  new ConfigSources.Explicit(
                      appName,
                      systemDatabaseUrl,
                      databaseUrl,
                      executorId,
                      appVersion,
                      adminServer,
                      adminPort,
                      heartbeatInterval,
                      executorLease,
                      databaseRetryLimit)),
              clock,
              retention,
              interruptStepsCancelledElsewhere,
              workflowVersioning,
              listenedQueues));
    }
  }
}
