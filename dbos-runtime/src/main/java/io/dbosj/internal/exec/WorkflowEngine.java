package io.dbosj.internal.exec;

import io.dbosj.ConflictingWorkflowException;
import io.dbosj.DbosException;
import io.dbosj.DeterminismException;
import io.dbosj.Queue;
import io.dbosj.QueueDeduplicatedException;
import io.dbosj.WorkflowCancelledException;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.WorkflowState;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.config.DbosConfig;
import io.dbosj.internal.db.OutcomeWrites;
import io.dbosj.internal.db.NewWorkflow;
import io.dbosj.internal.db.QueueStore;
import io.dbosj.internal.db.SchemaMigrations;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.StepRecord;
import io.dbosj.internal.db.StepStore;
import io.dbosj.internal.db.SystemDatabase;
import io.dbosj.internal.db.TransactionOutputStore;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.serde.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs durable methods under the durability rules: a workflow's row is written before its body
 * runs, each step's outcome is written before the next step starts and before the workflow's
 * outcome, recorded outcomes are replayed instead of re-run, and a write that finds another
 * execution's record yields to it.
 */
public final class WorkflowEngine {
  private static final Logger log = LoggerFactory.getLogger(WorkflowEngine.class);

  /** The MDC key under which the current workflow's ID is logged. */
  public static final String MDC_WORKFLOW_ID = "dbos.workflowId";

  static final String SLEEP_NAME = "DBOS.sleep";

  private final DbosConfig config;
  private final Registry registry = new Registry(this);
  private final RunningWorkflows running = new RunningWorkflows();
  private final JsonCodec codec = new JsonCodec();
  private final WorkflowRecovery recovery = new WorkflowRecovery(this);
  private volatile Started started;
  private volatile boolean closed;

  /** What exists only once launched. */
  private record Started(
      SystemDatabase db,
      WorkflowStore workflows,
      StepStore steps,
      OutcomeWrites outcomes,
      QueueStore queues,
      ExecutorService threads,
      String appVersion,
      QueueRunner queueRunner,
      QueueNotificationListener queueListener,
      WorkflowScheduler scheduler,
      SystemDatabase applicationDb,
      TransactionRunner transactions,
      java.util.concurrent.atomic.AtomicReference<io.dbosj.internal.admin.AdminServer> admin) {}

  private final Map<String, Queue> queues = new LinkedHashMap<>();

  /** The queue resumed and forked workflows wait on, registered in every process. */
  public static final Queue INTERNAL_QUEUE = Queue.of("_dbos_internal_queue");

  /** Whether this engine only manages workflows (a {@code DBOSClient}): it runs none. */
  private final boolean clientOnly;

  public WorkflowEngine(DbosConfig config) {
    this(config, false);
  }

  public WorkflowEngine(DbosConfig config, boolean clientOnly) {
    this.config = config;
    this.clientOnly = clientOnly;
    queues.put(INTERNAL_QUEUE.name(), INTERNAL_QUEUE);
  }

  public Registry registry() {
    return registry;
  }

  public DbosConfig config() {
    return config;
  }

  // ---------------------------------------------------------------- lifecycle

  /** Connects, migrates the system database, closes registration, and starts recovery. */
  public synchronized void launch() {
    if (closed) {
      throw new IllegalStateException("this DBOS was closed; build a new one to launch again");
    }
    if (started != null) {
      throw new IllegalStateException("this DBOS is already launched");
    }
    registry.close();
    LaunchWarmUp.start(config.systemDatabase().kind());
    SystemDatabase db = SystemDatabase.open(config.systemDatabase(), "dbos-" + config.appName());
    SystemDatabase applicationDb = db;
    try {
      boolean separateApplicationDb =
          !config.applicationDatabase().jdbcUrl().equals(config.systemDatabase().jdbcUrl());
      // transaction_outputs lives in the application database: created with the migration, in
      // its transaction, when that is the system database
      SchemaMigrations.migrate(db, !separateApplicationDb);
      if (separateApplicationDb) {
        applicationDb = SystemDatabase.open(config.applicationDatabase(), "dbos-app-" + config.appName());
        TransactionOutputStore.createTable(applicationDb);
      }
    } catch (RuntimeException e) {
      if (applicationDb != db) {
        applicationDb.close();
      }
      db.close();
      throw e;
    }
    String appVersion =
        config.appVersion() != null ? config.appVersion() : derivedAppVersion(registry.signatures());
    QueueStore queueStore = new QueueStore(db);
    WorkflowStore workflowStore = new WorkflowStore(db);
    StepStore stepStore = new StepStore(db);
    QueueRunner runner =
        new QueueRunner(this, queueStore, List.copyOf(queues.values()), config.executorId(), appVersion);
    QueueNotificationListener listener =
        db.isPostgres() && !queues.isEmpty() ? new QueueNotificationListener(db, runner::wake) : null;
    started =
        new Started(
            db,
            workflowStore,
            stepStore,
            new OutcomeWrites(db, stepStore, workflowStore),
            queueStore,
            WorkflowThreads.create(),
            appVersion,
            runner,
            listener,
            new WorkflowScheduler(this, registry.all()),
            applicationDb,
            new TransactionRunner(new TransactionOutputStore(applicationDb), codec, config.executorId()),
            new java.util.concurrent.atomic.AtomicReference<>());
    log.info(
        "DBOS launched: app {}, version {}, executor {}, system database {}",
        config.appName(),
        appVersion,
        config.executorId(),
        config.systemDatabase());
    if (clientOnly) {
      return;
    }
    started.threads().execute(recovery::recoverPending);
    runner.start();
    if (listener != null) {
      listener.start();
    }
    started.scheduler().start();
    if (config.adminServer()) {
      started.admin().set(io.dbosj.internal.admin.AdminServer.start(this, "127.0.0.1", config.adminPort()));
    }
  }

  /**
   * Enqueues a workflow by name, for a process that has its class: the client's way to start
   * work it cannot run itself. Arguments are written as plain JSON values.
   */
  public <R> WorkflowHandle<R> enqueueByName(
      String queueName, String className, String workflowName, String instanceName, Object[] args, StartOptions options) {
    Started s = started();
    String id = options.workflowId() != null ? options.workflowId() : UUID.randomUUID().toString();
    NewWorkflow workflow =
        new NewWorkflow(
            id,
            WorkflowState.ENQUEUED,
            workflowName,
            className,
            instanceName,
            codec.encodeUntyped(args),
            config.executorId(),
            s.appVersion(),
            null,
            queueName,
            options.deduplicationId(),
            options.priority() == null ? 0 : options.priority(),
            null,
            options.timeout() == null ? null : options.timeout().toMillis(),
            System.currentTimeMillis());
    if (!s.workflows().insertPending(workflow)) {
      StatusRow row =
          s.workflows()
              .find(id)
              .orElseThrow(() -> new QueueDeduplicatedException(queueName, options.deduplicationId(), id));
      if (!workflowName.equals(row.name()) || !className.equals(row.className())) {
        throw new ConflictingWorkflowException(
            id, "workflow " + row.className() + "." + row.name(), "workflow " + className + "." + workflowName);
      }
    }
    return retrieve(id);
  }

  /** The admin server's port, or -1. */
  public int adminPort() {
    Started s = started;
    io.dbosj.internal.admin.AdminServer admin = s == null ? null : s.admin().get();
    return admin == null ? -1 : admin.port();
  }

  /** What the admin server reports about each registered queue. */
  public synchronized List<Map<String, Object>> queueMetadata() {
    List<Map<String, Object>> list = new java.util.ArrayList<>();
    for (Queue queue : queues.values()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", queue.name());
      entry.put("concurrency", queue.concurrency());
      entry.put("workerConcurrency", queue.workerConcurrency());
      entry.put(
          "rateLimit",
          queue.rateLimit() == 0
              ? null
              : Map.of("limit", queue.rateLimit(), "period", queue.ratePeriod().toMillis() / 1000.0));
      entry.put("priorityEnabled", queue.priorityEnabled());
      list.add(entry);
    }
    return list;
  }

  /**
   * Takes over the {@code PENDING} workflows of other executors (processes known to be gone) and
   * recovers them here; returns their IDs.
   */
  public List<String> recoverExecutors(List<String> executorIds) {
    Started s = started();
    List<StatusRow> taken = new java.util.ArrayList<>();
    for (String executorId : executorIds) {
      for (StatusRow row : s.workflows().pendingOf(executorId)) {
        if (executorId.equals(config.executorId())
            || s.workflows().reassign(row.workflowId(), executorId, config.executorId())) {
          taken.add(row);
        }
      }
    }
    return recovery.recover(taken, null);
  }

  /** Registers a queue; before launch only, and one set of options per name. */
  public synchronized void register(Queue queue) {
    if (started != null || closed) {
      throw new IllegalStateException(
          "queue '" + queue.name() + "' was registered after dbos.launch(): register every queue before launch()");
    }
    if (queue.name().startsWith("_dbos")) {
      throw new IllegalArgumentException(
          "queue names starting with _dbos are reserved for io.dbosj; rename queue '" + queue.name() + "'");
    }
    Queue existing = queues.putIfAbsent(queue.name(), queue);
    if (existing != null && !existing.equals(queue)) {
      throw new IllegalArgumentException(
          "queue '" + queue.name() + "' is already registered as " + existing + "; it cannot also be " + queue
              + ". Give each set of options its own queue name.");
    }
  }

  /**
   * Stops: no new step or workflow starts, running workflows are interrupted and left {@code
   * PENDING} for recovery (nothing is recorded as failed), and the pool is closed.
   */
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    registry.close();
    Started s = started;
    if (s == null) {
      return;
    }
    if (s.admin().get() != null) {
      s.admin().get().stop();
    }
    s.scheduler().stop();
    s.queueRunner().stop();
    if (s.queueListener() != null) {
      s.queueListener().stop();
    }
    s.threads().shutdownNow();
    try {
      if (!s.threads().awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("{} workflows still running at close; they will be recovered", running.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (s.applicationDb() != s.db()) {
      s.applicationDb().close();
    }
    s.db().close();
    log.info("DBOS closed");
  }

  boolean isClosed() {
    return closed;
  }

  private Started started() {
    Started s = started;
    if (s == null) {
      throw new IllegalStateException(
          closed
              ? "this DBOS is closed; workflows cannot run on it any more"
              : "call dbos.launch() before running workflows: launch() connects to the system"
                  + " database and recovers unfinished workflows");
    }
    if (closed) {
      throw new DbosShutdownException();
    }
    return s;
  }

  static String derivedAppVersion(List<String> signatures) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String signature : signatures) {
        digest.update(signature.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  // ---------------------------------------------------------------- calls from generated code

  /** A {@code @Workflow} override was called. */
  public <R> R callWorkflow(DurableCall<R> call) {
    CallCapture capture = CurrentContext.capture();
    if (capture != null) {
      capture.record(call);
      return call.method().returnType().defaultValue();
    }
    WorkflowContext parent = CurrentContext.workflow();
    if (parent == null) {
      return runWorkflow(call, UUID.randomUUID().toString(), null);
    }
    if (parent.currentStep() != null) {
      throw new DbosException(
          "workflow "
              + call.label()
              + " was called from inside step "
              + parent.currentStep()
              + " of workflow "
              + parent.workflowId()
              + "; call workflows from the workflow itself, not from its steps");
    }
    String childId = recordChild(parent, call, null);
    return runWorkflow(call, childId, parent.workflowId());
  }

  /** A {@code @Step} override was called. */
  public <R> R callStep(DurableCall<R> call) {
    CallCapture capture = CurrentContext.capture();
    if (capture != null) {
      capture.record(call);
      return call.method().returnType().defaultValue();
    }
    WorkflowContext context = CurrentContext.workflow();
    boolean recorded = context != null && context.currentStep() == null;
    if (call.method().kind() == DurableMethod.Kind.TRANSACTION && CurrentContext.transaction() == null) {
      TransactionRunner transactions = started().transactions();
      return recorded ? transactions.runRecorded(context, call) : transactions.runUnrecorded(call);
    }
    if (!recorded || CurrentContext.transaction() != null) {
      // a plain call: outside workflows, inside a step, or a transaction joining the one it is in
      try {
        return call.body().run();
      } catch (Throwable t) {
        throw Sneaky.rethrow(t);
      }
    }
    return runStep(context, call);
  }

  /** A typed starter, or {@code DBOS.startWorkflow}, starts a workflow in the background. */
  public <R> WorkflowHandle<R> start(DurableCall<R> call, StartOptions options) {
    Queue queue = options.queue() == null ? null : registeredQueue(options);
    WorkflowContext parent = CurrentContext.workflow();
    String parentId = null;
    String id;
    if (parent != null && parent.currentStep() == null) {
      id = recordChild(parent, call, options.workflowId());
      parentId = parent.workflowId();
    } else {
      id = options.workflowId() != null ? options.workflowId() : UUID.randomUUID().toString();
    }
    return queue == null
        ? startInBackground(call, id, parentId, options.timeout())
        : enqueue(call, id, parentId, queue, options);
  }

  private Queue registeredQueue(StartOptions options) {
    Queue queue = options.queue();
    Queue registered;
    synchronized (this) {
      registered = queues.get(queue.name());
    }
    if (registered == null) {
      throw new DbosException(
          "queue '" + queue.name() + "' is not registered: call dbos.register(queue) before dbos.launch()");
    }
    if (!registered.equals(queue)) {
      throw new DbosException(
          "queue '" + queue.name() + "' is registered as " + registered + " but was used as " + queue
              + "; enqueue on the registered queue object");
    }
    if (options.priority() != null && !queue.priorityEnabled()) {
      throw new IllegalArgumentException(
          "a priority was given for queue '" + queue.name() + "', which does not order by priority;"
              + " register it with .priorityEnabled(true)");
    }
    return queue;
  }

  /** Records a workflow as {@code ENQUEUED}; the queue runner of some process will start it. */
  private <R> WorkflowHandle<R> enqueue(
      DurableCall<R> call, String workflowId, String parentId, Queue queue, StartOptions options) {
    Started s = started();
    String inputs = codec.encodeArguments(call.instance().className(), call.method(), call.args());
    boolean inserted =
        s.workflows()
            .insertPending(
                newWorkflow(call, workflowId, WorkflowState.ENQUEUED, inputs, s, parentId, queue.name(),
                    options.deduplicationId(), options.priority() == null ? 0 : options.priority(),
                    options.timeout()));
    if (!inserted) {
      StatusRow row =
          s.workflows()
              .find(workflowId)
              .orElseThrow(
                  () -> new QueueDeduplicatedException(queue.name(), options.deduplicationId(), workflowId));
      checkSameWorkflow(row, call);
    } else {
      s.queueRunner().wake(); // the insert notified other processes
    }
    return new LocalWorkflowHandle<>(this, workflowId, call.method(), running.get(workflowId));
  }

  /** The queue runner claimed this workflow for this process: start it. */
  void startDequeued(StatusRow row, Map<Integer, StepRecord> recordedSteps) {
    Started s = started();
    DurableCall<?> call = recovery.callOf(row);
    if (call == null) {
      return;
    }
    resumeInBackground(call, row.workflowId(), row.deadline(), s.queueRunner()::wake, recordedSteps);
  }

  void wakeQueues() {
    Started s = started;
    if (s != null) {
      s.queueRunner().wake();
    }
  }

  /** {@code DBOS.startWorkflow(() -> workflow(args), options)}. */
  @SuppressWarnings("unchecked")
  public static <R> WorkflowHandle<R> startCaptured(Supplier<R> lambda, StartOptions options) {
    DurableCall<R> call =
        (DurableCall<R>) CurrentContext.captureCall(lambda, "the lambda given to DBOS.startWorkflow");
    return call.instance().engine().start(call, options);
  }

  /** {@code DBOS.sleep}: a recorded wake-up time, so a restart sleeps only what remains. */
  public static void sleep(Duration duration) {
    WorkflowContext context = CurrentContext.workflow();
    long wakeAt;
    if (context == null || context.currentStep() != null) {
      wakeAt = System.currentTimeMillis() + duration.toMillis();
    } else {
      wakeAt = context.engine().recordSleep(context, duration);
    }
    Long deadline = context == null ? null : context.deadline();
    long until = deadline == null ? wakeAt : Math.min(wakeAt, deadline);
    long remaining = until - System.currentTimeMillis();
    if (remaining > 0) {
      try {
        Thread.sleep(remaining);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DbosShutdownException();
      }
    }
    if (deadline != null && until == deadline && deadline < wakeAt) {
      context.engine().checkDeadline(context.engine().started(), context);
    }
  }

  // ---------------------------------------------------------------- workflows

  /** Runs a workflow on this thread, or attaches to its execution already under way here. */
  <R> R runWorkflow(DurableCall<R> call, String workflowId, String parentId) {
    return runWorkflow(call, workflowId, parentId, null);
  }

  <R> R runWorkflow(DurableCall<R> call, String workflowId, String parentId, Duration timeout) {
    Started s = started();
    String inputs = codec.encodeArguments(call.instance().className(), call.method(), call.args());
    CompletableFuture<Outcome<?>> mine = new CompletableFuture<>();
    CompletableFuture<Outcome<?>> theirs = running.claim(workflowId, mine);
    if (theirs != null) {
      return awaitOutcome(workflowId, call.method(), theirs).get();
    }
    Outcome<R> outcome = Outcome.failure(new ExecutedElsewhere());
    try {
      Admission admission = admit(s, call, workflowId, parentId, inputs, timeout);
      if (admission.enqueued()) {
        running.finish(workflowId, mine, outcome);
        return awaitOutcome(workflowId, call.method(), null).get();
      }
      outcome =
          admission.finished() != null
              ? recordedOutcome(admission.finished(), call.method())
              : execute(s, call, workflowId, admission.recorded(), admission.deadline());
    } catch (ExecutedElsewhere e) {
      // another execution recorded a step first: its outcome is this call's
    } catch (RuntimeException | Error e) {
      outcome = Outcome.failure(e);
      throw e;
    } finally {
      running.finish(workflowId, mine, outcome);
    }
    if (outcome.error() instanceof ExecutedElsewhere) {
      return awaitOutcome(workflowId, call.method(), null).get();
    }
    return outcome.get();
  }

  /** Starts a workflow on a background thread once its row is durable; returns its handle. */
  <R> WorkflowHandle<R> startInBackground(DurableCall<R> call, String workflowId, String parentId) {
    return startInBackground(call, workflowId, parentId, null);
  }

  <R> WorkflowHandle<R> startInBackground(
      DurableCall<R> call, String workflowId, String parentId, Duration timeout) {
    Started s = started();
    String inputs = codec.encodeArguments(call.instance().className(), call.method(), call.args());
    CompletableFuture<Outcome<?>> mine = new CompletableFuture<>();
    CompletableFuture<Outcome<?>> theirs = running.claim(workflowId, mine);
    if (theirs != null) {
      return new LocalWorkflowHandle<>(this, workflowId, call.method(), theirs);
    }
    Admission admission;
    try {
      admission = admit(s, call, workflowId, parentId, inputs, timeout);
    } catch (RuntimeException | Error e) {
      running.finish(workflowId, mine, Outcome.failure(e));
      throw e;
    }
    if (admission.enqueued()) {
      running.finish(workflowId, mine, Outcome.failure(new ExecutedElsewhere()));
      return new LocalWorkflowHandle<>(this, workflowId, call.method(), null);
    }
    if (admission.finished() != null) {
      running.finish(workflowId, mine, recordedOutcome(admission.finished(), call.method()));
      return new LocalWorkflowHandle<>(this, workflowId, call.method(), mine);
    }
    submit(s, call, workflowId, admission.recorded(), admission.deadline(), mine, null);
    return new LocalWorkflowHandle<>(this, workflowId, call.method(), mine);
  }

  /**
   * Executes a recorded {@code PENDING} workflow in the background (recovery, or a workflow the
   * queue runner claimed), then runs {@code onFinish} if given.
   */
  <R> void resumeInBackground(
      DurableCall<R> call,
      String workflowId,
      Long deadline,
      Runnable onFinish,
      Map<Integer, StepRecord> recordedSteps) {
    Started s = started();
    CompletableFuture<Outcome<?>> mine = new CompletableFuture<>();
    CompletableFuture<Outcome<?>> theirs = running.claim(workflowId, mine);
    if (theirs != null) {
      if (onFinish != null) {
        // claimed by a queue while an earlier execution (say, a cancelled one) unwinds: run it
        // once that one is done
        theirs.whenComplete((outcome, error) -> resumeInBackground(call, workflowId, deadline, onFinish, null));
      }
      return;
    }
    Map<Integer, StepRecord> recorded;
    try {
      recorded = recordedSteps != null ? recordedSteps : recordedSteps(s, workflowId);
    } catch (RuntimeException | Error e) {
      running.finish(workflowId, mine, Outcome.failure(e));
      throw e;
    }
    submit(s, call, workflowId, recorded, deadline, mine, onFinish);
  }

  private <R> void submit(
      Started s,
      DurableCall<R> call,
      String workflowId,
      Map<Integer, StepRecord> recorded,
      Long deadline,
      CompletableFuture<Outcome<?>> mine,
      Runnable onFinish) {
    Runnable task =
        () -> {
          Outcome<?> outcome = Outcome.failure(new DbosShutdownException());
          try {
            outcome = execute(s, call, workflowId, recorded, deadline);
          } catch (RuntimeException | Error e) {
            outcome = Outcome.failure(e);
            if (closed) {
              log.debug("workflow {} stopped by close(); it stays PENDING: {}", workflowId, e.toString());
            } else if (!(e instanceof DbosShutdownException) && !(e instanceof ExecutedElsewhere)) {
              log.error("workflow {} could not be completed; it stays PENDING", workflowId, e);
            }
          } finally {
            running.finish(workflowId, mine, outcome);
            if (onFinish != null) {
              onFinish.run();
            }
          }
        };
    try {
      s.threads().execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      running.finish(workflowId, mine, Outcome.failure(new DbosShutdownException()));
    }
  }

  /**
   * The outcome of a workflow: from its execution in this process when there is one, otherwise
   * read from its row once it is finished (polling, as another process or the queue runs it).
   * With no {@code method} (its class is not registered here) the result is plain JSON values.
   */
  <R> Outcome<R> awaitOutcome(
      String workflowId, DurableMethod<R> method, CompletableFuture<Outcome<?>> execution) {
    WorkflowContext waiter = CurrentContext.workflow();
    if (waiter != null && waiter.currentStep() == null) {
      writeUnwritten(waiter); // a workflow waiting on another does not leave its last step unwritten
    }
    long pause = 5;
    while (true) {
      CompletableFuture<Outcome<?>> local = execution != null ? execution : running.get(workflowId);
      execution = null;
      if (local != null) {
        Outcome<R> outcome = castOutcome(method, local.join());
        boolean unfinishedHere =
            outcome.error() instanceof ExecutedElsewhere
                || (outcome.error() instanceof DbosShutdownException && !closed);
        if (!unfinishedHere) {
          return outcome;
        }
      }
      StatusRow row =
          started()
              .workflows()
              .find(workflowId)
              .orElseThrow(
                  () -> new DbosException("no workflow with ID '" + workflowId + "' is recorded"));
      if (row.state().isTerminal()) {
        return method != null ? recordedOutcome(row, method) : untypedOutcome(row);
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DbosException("interrupted while waiting for workflow " + workflowId, e);
      }
      pause = Math.min(500, pause * 2);
    }
  }

  /**
   * The outcome of admitting a workflow: already finished, waiting on its queue or running under
   * another executor ({@code enqueued}), or to be executed here with what earlier executions
   * recorded.
   */
  private record Admission(
      StatusRow finished, boolean enqueued, Map<Integer, StepRecord> recorded, Long deadline) {}

  /**
   * Records the workflow as started, or finds what is recorded under its ID. A fresh insert
   * proves that nothing is recorded, so the happy path reads nothing.
   */
  private Admission admit(
      Started s, DurableCall<?> call, String workflowId, String parentId, String inputs, Duration timeout) {
    NewWorkflow workflow =
        newWorkflow(call, workflowId, WorkflowState.PENDING, inputs, s, parentId, null, null, 0, timeout);
    if (s.workflows().insertPending(workflow)) {
      return new Admission(null, false, Map.of(), workflow.deadline());
    }
    StatusRow row =
        s.workflows()
            .find(workflowId)
            .orElseThrow(
                () -> new DbosException("workflow " + workflowId + " vanished while starting"));
    checkSameWorkflow(row, call);
    if (row.state().isTerminal()) {
      return new Admission(row, false, null, null);
    }
    if (row.state() == WorkflowState.ENQUEUED || !config.executorId().equals(row.executorId())) {
      // Waiting on its queue, or another executor's: that one runs (or recovers) it, not this one.
      return new Admission(null, true, null, null);
    }
    return new Admission(null, false, recordedSteps(s, workflowId), row.deadline());
  }

  private NewWorkflow newWorkflow(
      DurableCall<?> call,
      String workflowId,
      WorkflowState status,
      String inputs,
      Started s,
      String parentId,
      String queueName,
      String deduplicationId,
      int priority,
      Duration timeout) {
    return new NewWorkflow(
        workflowId,
        status,
        call.method().name(),
        call.instance().className(),
        call.instance().instanceName(),
        inputs,
        config.executorId(),
        s.appVersion(),
        parentId,
        queueName,
        deduplicationId,
        priority,
        null,
        timeout == null ? null : timeout.toMillis(),
        System.currentTimeMillis());
  }

  private static void checkSameWorkflow(StatusRow row, DurableCall<?> call) {
    if (!call.method().name().equals(row.name())
        || !call.instance().className().equals(row.className())) {
      throw new ConflictingWorkflowException(
          row.workflowId(),
          "workflow " + row.className() + "." + row.name(),
          "workflow " + call.instance().className() + "." + call.method().name());
    }
  }

  private Map<Integer, StepRecord> recordedSteps(Started s, String workflowId) {
    Map<Integer, StepRecord> recorded = new HashMap<>();
    for (StepRecord step : s.steps().all(workflowId)) {
      recorded.put(step.functionId(), step);
    }
    return recorded;
  }

  /** Runs the body with a workflow context, then records its outcome (or yields to a recorded one). */
  private <R> Outcome<R> execute(
      Started s, DurableCall<R> call, String workflowId, Map<Integer, StepRecord> recorded, Long deadline) {
    WorkflowContext context = new WorkflowContext(this, workflowId, recorded, deadline);
    WorkflowContext previous = CurrentContext.enter(context);
    String previousMdc = MDC.get(MDC_WORKFLOW_ID);
    MDC.put(MDC_WORKFLOW_ID, workflowId);
    Outcome<R> outcome;
    try {
      outcome =
          Outcome.success(
              switch (call.method().kind()) {
                case WORKFLOW -> call.body().run();
                case STEP -> runStep(context, call);
                case TRANSACTION -> s.transactions().runRecorded(context, call);
              });
    } catch (Throwable t) {
      outcome = Outcome.failure(t);
    } finally {
      CurrentContext.restore(previous);
      if (previousMdc == null) {
        MDC.remove(MDC_WORKFLOW_ID);
      } else {
        MDC.put(MDC_WORKFLOW_ID, previousMdc);
      }
    }
    if (closed || outcome.error() instanceof DbosShutdownException) {
      throw new DbosShutdownException();
    }
    if (outcome.error() instanceof ExecutedElsewhere) {
      throw (ExecutedElsewhere) outcome.error();
    }
    if (outcome.error() instanceof WorkflowCancelledException) {
      return outcome; // cancelled: its status says so already, and a resume may follow
    }
    String output = null;
    String error = null;
    if (outcome.error() == null) {
      try {
        output = codec.encodeResult("workflow " + call.label(), call.method().returnType(), outcome.value());
      } catch (RuntimeException e) {
        outcome = Outcome.failure(e);
      }
    }
    if (outcome.error() != null) {
      error = codec.encodeError(outcome.error());
    }
    WorkflowState state = outcome.error() == null ? WorkflowState.SUCCESS : WorkflowState.ERROR;
    StepRecord lastStep = context.takeUnwritten();
    int[] written =
        s.db()
            .groupCommit()
            .commit(s.outcomes().of(lastStep, workflowId, state, output, error, System.currentTimeMillis()));
    if (written[written.length - 1] == 1) {
      return outcome;
    }
    StatusRow row = s.workflows().find(workflowId).orElseThrow();
    if (!row.state().isTerminal() && lastStep != null) {
      throw yieldTo(s, lastStep);
    }
    log.info("workflow {} was already finished ({}); keeping that outcome", workflowId, row.status());
    return recordedOutcome(row, call.method());
  }

  /** The outcome recorded in a finished workflow's row, read back as its declared type. */
  <R> Outcome<R> recordedOutcome(StatusRow row, DurableMethod<R> method) {
    switch (row.state()) {
      case SUCCESS:
        return Outcome.success(codec.decodeResult(method.returnType(), row.output()));
      case ERROR:
        return Outcome.failure(
            codec.decodeError(row.error()).rebuild(row.workflowId(), method.exceptionFactories()));
      case CANCELLED:
        return Outcome.failure(new WorkflowCancelledException(row.workflowId()));
      default:
        return Outcome.failure(
            new DbosException(
                "workflow " + row.workflowId() + " ended with status " + row.status()));
    }
  }

  /** A recorded outcome whose declared type is not known here: plain JSON values. */
  @SuppressWarnings("unchecked")
  private <R> Outcome<R> untypedOutcome(StatusRow row) {
    return switch (row.state()) {
      case SUCCESS -> Outcome.success((R) codec.decodeUntyped(row.output()));
      case ERROR -> Outcome.failure(codec.decodeError(row.error()).rebuild(row.workflowId(), Map.of()));
      case CANCELLED -> Outcome.failure(new WorkflowCancelledException(row.workflowId()));
      default -> Outcome.failure(
          new DbosException("workflow " + row.workflowId() + " ended with status " + row.status()));
    };
  }

  @SuppressWarnings("unchecked")
  static <R> Outcome<R> castOutcome(DurableMethod<R> method, Outcome<?> outcome) {
    return (Outcome<R>) outcome;
  }

  // ---------------------------------------------------------------- steps

  private <R> R runStep(WorkflowContext context, DurableCall<R> call) {
    int functionId = context.beginOperation();
    StepRecord recorded = context.recorded(functionId);
    if (recorded != null) {
      return replay(context, functionId, recorded, call.method()).get();
    }
    Started s = started();
    checkDeadline(s, context);
    long startedAt = System.currentTimeMillis();
    context.enterStep(call.method().name());
    Outcome<R> outcome;
    try {
      outcome = StepRetries.run(call.label(), call.method().retryPolicy(), call.body());
    } finally {
      context.exitStep();
    }
    if (closed) {
      throw new DbosShutdownException();
    }
    String output = null;
    String error = null;
    if (outcome.error() == null) {
      try {
        output = codec.encodeResult("step " + call.label(), call.method().returnType(), outcome.value());
      } catch (RuntimeException e) {
        outcome = Outcome.failure(e);
      }
    }
    if (outcome.error() != null) {
      error = codec.encodeError(outcome.error());
    }
    context.holdUnwritten(
        new StepRecord(
            context.workflowId(),
            functionId,
            call.method().name(),
            output,
            error,
            null,
            startedAt,
            System.currentTimeMillis()));
    return outcome.get();
  }

  /** Writes the last step's outcome of {@code context}, if it waits; see {@link WorkflowContext}. */
  void writeUnwritten(WorkflowContext context) {
    StepRecord step = context.takeUnwritten();
    if (step != null) {
      Started s = started();
      if (!s.steps().insert(step)) {
        throw yieldTo(s, step);
      }
    }
  }

  /**
   * Why a step outcome could not be written: another execution recorded that step first (this
   * one stops, and its callers wait for that one's outcome), or the workflow is no longer pending.
   */
  private RuntimeException yieldTo(Started s, StepRecord step) {
    if (s.steps().find(step.workflowId(), step.functionId()).isPresent()) {
      log.info(
          "step {} of workflow {} was recorded by another execution; this one stops and waits for that one",
          step.functionId(),
          step.workflowId());
      return new ExecutedElsewhere();
    }
    return stopped(s, step.workflowId());
  }

  /** Past its deadline, a workflow is cancelled here, as by {@code cancelWorkflow}. */
  private void checkDeadline(Started s, WorkflowContext context) {
    Long deadline = context.deadline();
    if (deadline != null && System.currentTimeMillis() >= deadline) {
      s.workflows().cancel(context.workflowId(), System.currentTimeMillis());
      throw new WorkflowCancelledException(context.workflowId());
    }
  }

  /** Why a step could not be recorded though none is: the workflow is no longer pending. */
  private static RuntimeException stopped(Started s, String workflowId) {
    StatusRow row = s.workflows().find(workflowId).orElse(null);
    if (row == null || row.state() == WorkflowState.CANCELLED) {
      return new WorkflowCancelledException(workflowId);
    }
    return new DbosException(
        "workflow " + workflowId + " is " + row.status() + "; this execution of it stops here");
  }

  private <R> Outcome<R> replay(
      WorkflowContext context, int functionId, StepRecord recorded, DurableMethod<R> method) {
    if (!recorded.functionName().equals(method.name())) {
      throw new DeterminismException(
          context.workflowId(), functionId, recorded.functionName(), method.name());
    }
    if (recorded.error() != null) {
      return Outcome.failure(
          codec.decodeError(recorded.error()).rebuild(context.workflowId(), method.exceptionFactories()));
    }
    return Outcome.success(codec.decodeResult(method.returnType(), recorded.output()));
  }

  /**
   * Records that operation {@code functionId} of {@code parent} starts a child workflow, and
   * returns the child's ID: the one recorded by an earlier execution, else {@code requestedId},
   * else one derived from the parent's ID and the operation's number.
   */
  private String recordChild(WorkflowContext parent, DurableCall<?> call, String requestedId) {
    int functionId = parent.beginOperation();
    StepRecord recorded = parent.recorded(functionId);
    if (recorded != null) {
      if (!recorded.functionName().equals(call.method().name()) || recorded.childWorkflowId() == null) {
        throw new DeterminismException(
            parent.workflowId(), functionId, recorded.functionName(), call.method().name() + " (child workflow)");
      }
      return recorded.childWorkflowId();
    }
    String childId = requestedId != null ? requestedId : parent.workflowId() + "-" + functionId;
    Started s = started();
    long now = System.currentTimeMillis();
    StepRecord record =
        new StepRecord(parent.workflowId(), functionId, call.method().name(), null, null, childId, now, now);
    if (!s.steps().insert(record)) {
      StepRecord theirs =
          s.steps().find(parent.workflowId(), functionId).orElseThrow(() -> stopped(s, parent.workflowId()));
      return theirs.childWorkflowId() != null ? theirs.childWorkflowId() : childId;
    }
    return childId;
  }

  private long recordSleep(WorkflowContext context, Duration duration) {
    int functionId = context.beginOperation();
    StepRecord recorded = context.recorded(functionId);
    if (recorded != null) {
      if (!recorded.functionName().equals(SLEEP_NAME)) {
        throw new DeterminismException(context.workflowId(), functionId, recorded.functionName(), SLEEP_NAME);
      }
      return Long.parseLong(recorded.output());
    }
    Started s = started();
    long now = System.currentTimeMillis();
    long wakeAt = now + duration.toMillis();
    StepRecord record =
        new StepRecord(context.workflowId(), functionId, SLEEP_NAME, Long.toString(wakeAt), null, null, now, now);
    if (!s.steps().insert(record)) {
      return Long.parseLong(
          s.steps().find(context.workflowId(), functionId).orElseThrow(() -> stopped(s, context.workflowId())).output());
    }
    return wakeAt;
  }

  // ---------------------------------------------------------------- reading

  /** A handle on any recorded workflow. */
  public <R> WorkflowHandle<R> retrieve(String workflowId) {
    Started s = started();
    StatusRow row =
        s.workflows()
            .find(workflowId)
            .orElseThrow(() -> new DbosException("no workflow with ID '" + workflowId + "' is recorded"));
    DurableMethod<R> method = methodOf(row);
    return new LocalWorkflowHandle<>(this, workflowId, method, running.get(workflowId));
  }

  @SuppressWarnings("unchecked")
  private <R> DurableMethod<R> methodOf(StatusRow row) {
    RegisteredInstance<?> instance = registry.find(row.className(), row.instanceName());
    var entry = instance == null ? null : instance.entry(row.name());
    return entry == null ? null : (DurableMethod<R>) entry.method();
  }

  /** Every {@code ENQUEUED} or {@code PENDING} workflow on {@code queueName} (every queue if null). */
  public List<io.dbosj.WorkflowStatus> listQueued(String queueName) {
    List<io.dbosj.WorkflowStatus> list = new java.util.ArrayList<>();
    for (StatusRow row : started().workflows().queued()) {
      if (queueName == null || queueName.equals(row.queueName())) {
        list.add(row.toStatus());
      }
    }
    return list;
  }

  // ---------------------------------------------------------------- management

  public List<io.dbosj.WorkflowStatus> listWorkflows(io.dbosj.WorkflowFilter filter) {
    return started().workflows().list(filter).stream().map(StatusRow::toStatus).toList();
  }

  /** Every recorded operation of a workflow: steps, sleeps, children and transactions. */
  public List<io.dbosj.StepInfo> listSteps(String workflowId) {
    Started s = started();
    requireRow(s, workflowId);
    List<StepRecord> records = new java.util.ArrayList<>(s.steps().all(workflowId));
    records.addAll(new TransactionOutputStore(s.applicationDb()).all(workflowId));
    records.sort(java.util.Comparator.comparingInt(StepRecord::functionId));
    List<io.dbosj.StepInfo> steps = new java.util.ArrayList<>();
    for (StepRecord r : records) {
      steps.add(
          new io.dbosj.StepInfo(
              r.functionId(),
              r.functionName(),
              r.output(),
              r.error(),
              r.childWorkflowId(),
              r.startedAt() == 0 ? null : java.time.Instant.ofEpochMilli(r.startedAt()),
              r.completedAt() == 0 ? null : java.time.Instant.ofEpochMilli(r.completedAt())));
    }
    return steps;
  }

  /** Cancels an unfinished workflow; {@code false} if it had finished. */
  public boolean cancel(String workflowId) {
    Started s = started();
    requireRow(s, workflowId);
    return s.workflows().cancel(workflowId, System.currentTimeMillis());
  }

  /** Starts a cancelled, failed or stuck workflow again from its last recorded step. */
  public <R> WorkflowHandle<R> resume(String workflowId) {
    Started s = started();
    requireRow(s, workflowId);
    if (s.workflows().resume(workflowId, INTERNAL_QUEUE.name(), System.currentTimeMillis())) {
      s.queues().notifyEnqueued(INTERNAL_QUEUE.name());
      s.queueRunner().wake();
    }
    return retrieve(workflowId);
  }

  /**
   * A new workflow with the same inputs that reuses the recorded outcomes of operations before
   * {@code startStep} and runs the rest, from {@code startStep} on, again.
   */
  public <R> WorkflowHandle<R> fork(String workflowId, int startStep, StartOptions options) {
    if (startStep < 0) {
      throw new IllegalArgumentException("the step to fork from must be 0 or more, was " + startStep);
    }
    Started s = started();
    StatusRow original = requireRow(s, workflowId);
    String forkId = options.workflowId() != null ? options.workflowId() : UUID.randomUUID().toString();
    boolean inserted =
        s.workflows()
            .insertPending(
                new NewWorkflow(
                    forkId,
                    WorkflowState.PENDING,
                    original.name(),
                    original.className(),
                    original.instanceName(),
                    original.inputs(),
                    "fork-in-progress",
                    s.appVersion(),
                    null,
                    null,
                    null,
                    0,
                    workflowId,
                    null,
                    System.currentTimeMillis()));
    if (!inserted) {
      throw new ConflictingWorkflowException(forkId, "another workflow", "a fork of " + workflowId);
    }
    s.steps().copy(workflowId, forkId, startStep);
    new TransactionOutputStore(s.applicationDb()).copy(workflowId, forkId, startStep);
    return resume(forkId);
  }

  private static StatusRow requireRow(Started s, String workflowId) {
    return s.workflows()
        .find(workflowId)
        .orElseThrow(() -> new DbosException("no workflow with ID '" + workflowId + "' is recorded"));
  }

  WorkflowStore workflowStore() {
    return started().workflows();
  }

  StepStore stepStore() {
    return started().steps();
  }

  JsonCodec codec() {
    return codec;
  }

  RunningWorkflows running() {
    return running;
  }
}
