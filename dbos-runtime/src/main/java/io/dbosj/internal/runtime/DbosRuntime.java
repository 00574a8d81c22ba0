package io.dbosj.internal.runtime;

import io.dbosj.CancelOptions;
import io.dbosj.Retention;
import io.dbosj.StepInfo;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowHandle;
import io.dbosj.WorkflowStatus;
import io.dbosj.WorkflowVersioning;
import io.dbosj.internal.admin.AdminServer;
import io.dbosj.internal.config.DbosConfig;
import io.dbosj.internal.db.ChannelListener;
import io.dbosj.internal.db.ExecutorStore;
import io.dbosj.internal.db.QueueLimits;
import io.dbosj.internal.db.QueueStore;
import io.dbosj.internal.db.QueueTableStore;
import io.dbosj.internal.db.RetentionStore;
import io.dbosj.internal.db.ScheduleStore;
import io.dbosj.internal.db.RunnableScope;
import io.dbosj.internal.db.SchemaMigrations;
import io.dbosj.internal.db.StepStore;
import io.dbosj.internal.db.SystemDatabase;
import io.dbosj.internal.db.TransactionOutputStore;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.exec.CallRouter;
import io.dbosj.internal.exec.QueueRegistry;
import io.dbosj.internal.exec.Registry;
import io.dbosj.internal.exec.CommunicationListing;
import io.dbosj.internal.exec.CancelSignals;
import io.dbosj.internal.exec.CancelledElsewhereWatch;
import io.dbosj.internal.exec.WorkflowManagement;
import io.dbosj.internal.exec.WorkflowRetention;
import io.dbosj.internal.exec.WorkflowServices;
import io.dbosj.internal.exec.WorkflowThreads;
import io.dbosj.internal.lifecycle.Services;
import io.dbosj.internal.lifecycle.ShutdownFlag;
import io.dbosj.internal.messaging.Communication;
import io.dbosj.internal.messaging.WakeUps;
import io.dbosj.internal.queue.EnqueueAnnouncer;
import io.dbosj.internal.queue.QueueRunner;
import io.dbosj.internal.recovery.ExecutorHeartbeat;
import io.dbosj.internal.recovery.ExecutorRegistration;
import io.dbosj.internal.recovery.ExecutorTakeover;
import io.dbosj.internal.recovery.WorkflowRecovery;
import io.dbosj.internal.schedule.WorkflowScheduler;
import io.dbosj.internal.schedule.StoredScheduleRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of one {@code DBOS}: before launch it takes registrations; {@link #launch}
 * connects, migrates, builds every part and starts those that own threads, in order; {@link
 * #close} stops them in reverse order, waiting for each.
 */
public final class DbosRuntime {
  private static final Logger log = LoggerFactory.getLogger(DbosRuntime.class);

  /** The longest close() waits for each part to stop. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  /** What exists only once launched. */
  private record Launched(
      WorkflowServices services,
      WorkflowRecovery recovery,
      AdminServer admin,
      ExecutorStore executors,
      WorkflowRetention retention,
      QueueConfigs queueConfigs,
      WorkflowSchedules schedules) {}

  private final DbosConfig config;
  private final Clock clock;
  /** How long finished workflows are kept, or {@code null}: kept until deleted. */
  private final Retention retention;
  private final WorkflowVersioning versioning;
  private final ShutdownFlag shutdown = new ShutdownFlag();
  private final CallRouter router = new CallRouter(shutdown);
  private final Registry registry = new Registry(router);
  private final QueueRegistry queues = new QueueRegistry();
  private final Services services = new Services();
  private final CancelSignals cancelSignals;
  /** Completed by launch's recovery with the IDs it requeued or started. */
  private final CompletableFuture<List<String>> recovered = new CompletableFuture<>();
  private volatile Launched launched;
  /** The executor ID in use: the configured one until launch takes one. */
  private volatile String executorId;

  /** The queues this process dequeues from, by name ({@code null}: every registered one). */
  private final java.util.Set<String> listenedQueues;

  /**
   * {@code retention}: how long finished workflows are kept ({@code null}: until deleted);
   * {@code interruptStepsCancelledElsewhere}: see {@code DBOS.Builder.interruptStepsCancelledElsewhere}.
   */
  public DbosRuntime(
      DbosConfig config, Clock clock, Retention retention, boolean interruptStepsCancelledElsewhere,
      WorkflowVersioning versioning, java.util.Set<String> listenedQueues) {
    this.config = config;
    this.listenedQueues = listenedQueues == null ? null : java.util.Set.copyOf(listenedQueues);
    this.versioning = java.util.Objects.requireNonNull(versioning, "versioning");
    this.clock = clock;
    this.retention = retention;
    this.executorId = config.executorId();
    this.cancelSignals = new CancelSignals(interruptStepsCancelledElsewhere);
  }

  /** The executor ID in use (see {@link ExecutorRegistration}), or the configured one before launch. */
  public String executorId() {
    return executorId;
  }

  public DbosConfig config() {
    return config;
  }

  Registry registry() {
    return registry;
  }

  CallRouter router() {
    return router;
  }

  /** Registers a queue; before launch only. {@code described} names it in errors. */
  public void register(QueueLimits queue, String described) {
    queues.register(queue, described);
  }

  /**
   * Connects, migrates the system database, closes registration, starts the queue runner, the
   * scheduler and the admin server, and recovers this executor's pending workflows in the
   * background. If anything fails, what was opened is closed again.
   */
  public synchronized void launch() {
    if (shutdown.isSet()) {
      throw new IllegalStateException("this DBOS was closed; build a new one to launch again");
    }
    if (launched != null) {
      throw new IllegalStateException("this DBOS is already launched");
    }
    registry.close();
    queues.close();
    if (listenedQueues != null) {
      queues.checkRegistered(listenedQueues);
    }
    try {
      launched = startServices();
    } catch (RuntimeException | Error e) {
      router.attach(null);
      services.stopAll(STOP_TIMEOUT);
      throw e;
    }
    log.info(
        "DBOS launched: app {}, version {}, executor {}, system database {}",
        config.appName(),
        appVersion(),
        executorId,
        config.systemDatabase());
    WorkflowRecovery recovery = launched.recovery();
    launched.services().executor().execute(() -> {
      try {
        recovered.complete(recovery.recoverPending());
      } catch (RuntimeException | Error e) {
        recovered.completeExceptionally(e);
      }
    });
  }

  /**
   * Completes with the IDs launch's recovery requeued or started, once it has done so for every
   * pending workflow it found; exceptionally if it failed or close() stopped it first.
   */
  public CompletableFuture<List<String>> recovery() {
    if (launched == null) {
      throw new IllegalStateException(
          shutdown.isSet()
              ? "this DBOS was closed before launch(); nothing was recovered"
              : "call dbos.launch() first: launch() starts recovery");
    }
    return recovered.copy();
  }

  private Launched startServices() {
    LaunchWarmUp.start(config.systemDatabase().kind());
    SystemDatabase db =
        services.adopt(
            SystemDatabase.open(config.systemDatabase(), "dbos-" + config.appName(), config.databaseRetryLimit()));
    boolean separateApplicationDb =
        !config.applicationDatabase().jdbcUrl().equals(config.systemDatabase().jdbcUrl());
    // transaction_outputs lives in the application database: created with the migration, in its
    // transaction, when that is the system database
    SchemaMigrations.migrate(db, !separateApplicationDb);
    SystemDatabase applicationDb = db;
    if (separateApplicationDb) {
      applicationDb =
          services.adopt(
              SystemDatabase.open(
                  config.applicationDatabase(), "dbos-app-" + config.appName(), config.databaseRetryLimit()));
      TransactionOutputStore.createTable(applicationDb);
    }
    String appVersion = appVersion();
    RunnableScope scope =
        versioning == WorkflowVersioning.BY_WORKFLOW
            ? RunnableScope.of(appVersion, registry.workflowFingerprints())
            : RunnableScope.ofVersion(appVersion);
    ExecutorStore executorStore = new ExecutorStore(db);
    ExecutorStore.Holder holder =
        ExecutorRegistration.register(
            executorStore, config.executorId(), config.executorIdGiven(), appVersion, config.executorLease());
    String executorId = holder.executorId();
    this.executorId = executorId;
    executorStore.recordScope(executorId, scope);
    if (db.recordsVersionOwners()) {
      registerVersion(executorStore, appVersion);
    }
    // started before the parts that run workflows, so it stops (and marks the executor stopped) after them
    services.start(new ExecutorHeartbeat(executorStore, holder, config.heartbeatInterval()));
    QueueStore queueStore = new QueueStore(db);
    StoredQueues storedQueues = new StoredQueues(new QueueTableStore(db, config.appName()), queues, listenedQueues);
    storedQueues.reconcile(System.currentTimeMillis());
    WorkflowStore workflowStore = new WorkflowStore(db);
    QueueWakeUp wakeUp = new QueueWakeUp(db.isPostgres() ? services.start(new EnqueueAnnouncer(queueStore)) : null);
    WakeUps wakeUps = new WakeUps(db.isPostgres());
    WorkflowServices parts =
        WorkflowServices.connect(
            new WorkflowServices.Wiring(
                db, applicationDb, executorId, appVersion, registry, queues, wakeUp, wakeUps, shutdown, cancelSignals));
    services.adopt(parts.executor());
    services.start(
        new CancelledElsewhereWatch(workflowStore, cancelSignals, CancelledElsewhereWatch.DEFAULT_INTERVAL, executorId));
    services.adopt(parts.poller()); // stopped before the executor, so a closing DBOS fails the waits on it
    router.attach(parts); // before any thread of ours can run a workflow
    QueueRunner runner =
        services.start(
            new QueueRunner(
                queueStore, storedQueues, executorId, scope,
                new QueuedStarts(parts.calls(), parts.executor(), workflowStore, parts.json())));
    wakeUp.connect(runner);
    if (db.isPostgres()) {
      java.util.Map<String, java.util.function.Consumer<String>> channels = new java.util.HashMap<>(wakeUps.channelHandlers());
      // a notification names the queue work was enqueued on (this process's own enqueues among them)
      channels.put(QueueStore.CHANNEL, payload -> {
        if (payload == null || payload.isEmpty()) {
          runner.wake();
        } else {
          runner.enqueuedOn(payload);
        }
      });
      services.start(new ChannelListener(db, channels));
    }
    WorkflowScheduler scheduler =
        services.start(
            new WorkflowScheduler(
                ScheduleTicks.of(registry.all(), parts.executor(), workflowStore, parts.json()), clock));
    WorkflowSchedules schedules =
        new WorkflowSchedules(
            new ScheduleStore(db, config.appName()), parts.admission(), parts.json(),
            WorkflowSchedules.registeredIn(registry.all()), clock);
    StoredScheduleRunner storedSchedules = services.start(new StoredScheduleRunner(schedules, clock));
    schedules.onChange(storedSchedules::refreshNow);
    WorkflowRecovery recovery =
        new WorkflowRecovery(
            workflowStore, new StepStore(db), executorId, scope,
            new RecoveryStarts(parts.calls(), parts.executor(), wakeUp), !WorkflowThreads.virtual(), shutdown);
    services.start(
        new ExecutorTakeover(
            executorStore, recovery, executorId, scope, config.heartbeatInterval(), config.executorLease()));
    WorkflowRetention workflowRetention = new WorkflowRetention(new RetentionStore(db), parts.management());
    if (retention != null) {
      services.start(new RetentionCollector(retention, workflowRetention, clock));
    }
    RecoveryAfterOutage afterOutage = new RecoveryAfterOutage(recovery, parts.executor(), shutdown);
    db.retry().onGiveUp(afterOutage::schedule);
    if (applicationDb != db) {
      applicationDb.retry().onGiveUp(afterOutage::schedule); // a @Transaction that gave up leaves its workflow PENDING
    }
    AdminServer admin = null;
    if (config.adminServer()) {
      RuntimeAdmin.Parts adminParts =
          new RuntimeAdmin.Parts(
              parts.management(), parts.communicationListing(), workflowStore, recovery, queues, executorStore, scheduler,
              workflowRetention, storedSchedules, schedules);
      admin = AdminServer.bind(new RuntimeAdmin(adminParts, executorId, config.executorLease()), "127.0.0.1", config.adminPort());
      if (admin != null) {
        services.start(admin);
      }
    }
    QueueConfigs queueConfigs =
        new QueueConfigs(new QueueTableStore(db, config.appName()), () -> {
          storedQueues.refreshNow();
          runner.wake();
        });
    return new Launched(parts, recovery, admin, executorStore, workflowRetention, queueConfigs, schedules);
  }

  /**
   * Registers this code's version in DBOS's {@code application_versions}, as DBOS TS's launches do
   * (a DBOS Java 1.1 layout, whose table records no application, is left as it is),
   * and says when it is not the latest there. A version another application owns is left to it:
   * launch goes on, but DBOS's clients fire this application's schedules on its own latest version.
   */
  private void registerVersion(ExecutorStore executorStore, String appVersion) {
    ExecutorStore.VersionRegistration registered = executorStore.registerVersion(appVersion, config.appName());
    registered.otherOwner().ifPresent(owner -> log.warn(
        "application version '{}' is registered by application '{}' in this system database, so DBOS's"
            + " clients do not take it as '{}''s; give this application a distinct appVersion",
        appVersion, owner, config.appName()));
    registered.latest()
        .filter(latest -> !latest.equals(appVersion))
        .ifPresent(latest -> log.info(
            "this version '{}' is not the latest of application '{}' in the system database: '{}' is",
            appVersion, config.appName(), latest));
  }

  private String appVersion() {
    return config.appVersion() != null ? config.appVersion() : AppVersion.of(registry.signatures());
  }

  /**
   * Stops: no new step or workflow starts, running workflows are interrupted and left {@code
   * PENDING} for recovery (nothing is recorded as failed), every thread is stopped and the pools
   * are closed.
   */
  public synchronized void close() {
    if (shutdown.isSet()) {
      return;
    }
    shutdown.set();
    registry.close();
    if (launched == null) {
      return;
    }
    // a recovery still under way (or not yet begun on the executor) will not finish now
    recovered.completeExceptionally(
        new IllegalStateException("DBOS was closed before launch's recovery finished; the rest stay PENDING"));
    services.stopAll(STOP_TIMEOUT);
    log.info("DBOS closed");
  }

  /** The admin server's port, or -1. */
  public int adminPort() {
    Launched l = launched;
    return l == null || l.admin() == null ? -1 : l.admin().port();
  }

  /** The queues kept in {@code dbos.queues}; launched, not closed. */
  public QueueConfigs queueConfigs() {
    management(); // the same checks
    return launched.queueConfigs();
  }

  /** The schedules kept in {@code dbos.workflow_schedules}; launched, not closed. */
  public WorkflowSchedules schedules() {
    management(); // the same checks
    return launched.schedules();
  }

  private WorkflowManagement management() {
    Launched l = launched;
    if (shutdown.isSet()) {
      throw new IllegalStateException("this DBOS is closed; build a new one to manage workflows");
    }
    if (l == null) {
      throw new IllegalStateException(
          "call dbos.launch() before managing workflows: launch() connects to the system database");
    }
    return l.services().management();
  }

  /** Messages, events and streams for callers outside workflows. */
  public Communication communication() {
    management(); // the same checks: launched, not closed
    return launched.services().communication();
  }

  public <R> WorkflowHandle<R> retrieve(String workflowId) {
    return management().retrieve(workflowId);
  }

  public <R> WorkflowHandle<R> retrieve(String workflowId, Class<R> type) {
    return management().retrieve(workflowId, type);
  }

  public List<WorkflowStatus> listWorkflows(WorkflowFilter filter) {
    return management().list(filter);
  }

  public List<WorkflowStatus> listQueued(String queueName) {
    return management().listQueued(queueName);
  }

  public List<StepInfo> listSteps(String workflowId) {
    return management().listSteps(workflowId);
  }

  /** What workflows set and were sent; the same checks as management: launched, not closed. */
  public CommunicationListing communicationListing() {
    management();
    return launched.services().communicationListing();
  }

  public boolean cancel(String workflowId) {
    return management().cancel(workflowId);
  }

  public List<String> cancel(String workflowId, CancelOptions options) {
    return management().cancel(workflowId, options);
  }

  public List<String> cancel(WorkflowFilter filter, CancelOptions options) {
    return management().cancel(filter, options);
  }

  public <R> WorkflowHandle<R> resume(String workflowId) {
    return management().resume(workflowId);
  }

  public <R> WorkflowHandle<R> fork(String workflowId, int startStep, String forkId) {
    return management().fork(workflowId, startStep, forkId);
  }

  public void setDelay(String workflowId, java.time.Instant until) {
    management().setDelay(workflowId, until);
  }

  /** Deleting and collecting workflows, and DBOS's global timeout; launched, not closed. */
  public WorkflowRetention retention() {
    management(); // the same checks: launched, not closed
    return launched.retention();
  }

  /** Every executor recorded in the system database, judged against this process's lease. */
  public List<io.dbosj.ExecutorInfo> listExecutors() {
    management(); // the same checks: launched, not closed
    return io.dbosj.internal.db.ExecutorListing.of(launched.executors(), config.executorLease());
  }
}
