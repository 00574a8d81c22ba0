package io.dbosj.internal.runtime;

import io.dbosj.internal.config.DatabaseUrl;
import io.dbosj.internal.db.ChannelListener;
import io.dbosj.internal.db.CommunicationStore;
import io.dbosj.internal.db.FinishedWorkflows;
import io.dbosj.internal.db.QueueStore;
import io.dbosj.internal.db.RetentionStore;
import io.dbosj.internal.db.SchemaMigrations;
import io.dbosj.internal.db.StepStore;
import io.dbosj.internal.db.SystemDatabase;
import io.dbosj.internal.db.TransactionOutputStore;
import io.dbosj.internal.db.WorkflowForks;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.exec.Admission;
import io.dbosj.internal.exec.CancelSignals;
import io.dbosj.internal.exec.CommunicationListing;
import io.dbosj.internal.exec.OutcomePoller;
import io.dbosj.internal.exec.OutcomeWaiter;
import io.dbosj.internal.exec.QueueSignal;
import io.dbosj.internal.exec.Registry;
import io.dbosj.internal.exec.WorkflowManagement;
import io.dbosj.internal.exec.WorkflowRetention;
import io.dbosj.internal.lifecycle.ShutdownFlag;
import io.dbosj.internal.messaging.Communication;
import io.dbosj.internal.messaging.WakeUps;
import io.dbosj.internal.serde.JsonCodec;
import io.dbosj.internal.serde.OutcomeCodec;

/**
 * What a {@code DBOSClient} is: management over the stores of one system database, and
 * admission of enqueued workflows, with no executor, queue runner or recovery behind it. Its one
 * resource is the connection pool, closed by {@link #close()}.
 */
public final class ClientRuntime implements AutoCloseable {
  /** The executor ID a client's enqueues are recorded under until a queue runner claims them. */
  static final String CLIENT_EXECUTOR_ID = "dbos-client";

  private final SystemDatabase db;
  private final WorkflowManagement management;
  private final Admission admission;
  private final JsonCodec json;
  private final WakeUps wakeUps;
  private final Communication communication;
  private final CommunicationListing communicationListing;
  private final WorkflowRetention retention;
  /** Started by the first wait on a result future or waitFirst; stopped by close. */
  private final OutcomePoller poller;
  /** Started by the first wait for a message, event or stream value, on PostgreSQL; stopped by close. */
  private ChannelListener listener;

  private ClientRuntime(
      SystemDatabase db, WorkflowManagement management, Admission admission, JsonCodec json, OutcomePoller poller) {
    this.db = db;
    this.poller = poller;
    this.management = management;
    this.admission = admission;
    this.json = json;
    this.wakeUps = new WakeUps(db.isPostgres());
    this.communication = new Communication(db, json, wakeUps);
    this.communicationListing = new CommunicationListing(new WorkflowStore(db), new CommunicationStore(db), json);
    this.retention = new WorkflowRetention(new RetentionStore(db), management);
  }

  /**
   * Connects to the existing system database at {@code url}, checking (never changing) DBOS's
   * layout there; only io.dbosj's own {@code transaction_outputs}, which DBOS's tools never read,
   * is created if missing, as the client's step listings and forks read it.
   */
  public static ClientRuntime connect(String url) {
    SystemDatabase db = SystemDatabase.openExisting(DatabaseUrl.parse(url), "dbos-client");
    try {
      SchemaMigrations.check(db);
      TransactionOutputStore.createTable(db);
      JsonCodec json = new JsonCodec();
      WorkflowStore workflows = new WorkflowStore(db);
      StepStore steps = new StepStore(db);
      TransactionOutputStore transactions = new TransactionOutputStore(db);
      QueueSignal nothingToWake = QueueSignal.NONE;
      OutcomePoller poller = new OutcomePoller(new FinishedWorkflows(db), null, "DBOSClient");
      OutcomeWaiter waiter = new OutcomeWaiter(null, workflows, new OutcomeCodec(json), new ShutdownFlag(), poller);
      WorkflowManagement management =
          new WorkflowManagement(
              workflows, steps, transactions, new WorkflowForks(db, workflows, steps, transactions),
              new QueueStore(db), waiter, Registry.none(), null, CLIENT_EXECUTOR_ID, nothingToWake,
              new CancelSignals(false)); // a client executes nothing for a cancel to reach
      return new ClientRuntime(
          db, management, new Admission(workflows, steps, CLIENT_EXECUTOR_ID, null, nothingToWake), json, poller);
    } catch (RuntimeException | Error e) {
      db.close();
      throw e;
    }
  }

  public WorkflowManagement management() {
    return management;
  }

  /** The queues kept in {@code dbos.queues}; this client runs no queue runner to tell. */
  public QueueConfigs queueConfigs() {
    return new QueueConfigs(new io.dbosj.internal.db.QueueTableStore(db, null), () -> {});
  }

  /** The schedules kept in {@code dbos.workflow_schedules}; this client checks no workflow and runs no ticks. */
  public WorkflowSchedules schedules() {
    return new WorkflowSchedules(
        new io.dbosj.internal.db.ScheduleStore(db, null), admission(), json(), null, java.time.Clock.systemUTC());
  }

  public CommunicationListing communicationListing() {
    return communicationListing;
  }

  public WorkflowRetention retention() {
    return retention;
  }

  public Admission admission() {
    return admission;
  }

  /** What waits on many workflows' outcomes for this client: result futures and waitFirst. */
  public OutcomePoller poller() {
    return poller;
  }

  public JsonCodec json() {
    return json;
  }

  /** Messages, events and streams, for sends and other calls that do not wait. */
  public Communication communication() {
    return communication;
  }

  /**
   * {@link #communication()}, for a call that waits: on PostgreSQL it listens for DBOS's
   * notifications from then on, so a wait ends when the value is written, not at the next poll.
   */
  public synchronized Communication listening() {
    if (listener == null && db.isPostgres()) {
      listener = new ChannelListener(db, wakeUps.channelHandlers());
      listener.start();
    }
    return communication;
  }

  /** Every executor recorded in this system database, judged against the default lease. */
  public java.util.List<io.dbosj.ExecutorInfo> executors() {
    return io.dbosj.internal.db.ExecutorListing.of(
        new io.dbosj.internal.db.ExecutorStore(db), io.dbosj.internal.config.ConfigSources.DEFAULT_EXECUTOR_LEASE);
  }

  /** Why each of these workflows that no process can run waits, by workflow ID (judged against the default lease). */
  public java.util.Map<String, String> strandedReasons(java.util.Collection<String> workflowIds) {
    return new io.dbosj.internal.recovery.StrandedWorkflows(
            new io.dbosj.internal.db.ExecutorStore(db), io.dbosj.internal.config.ConfigSources.DEFAULT_EXECUTOR_LEASE)
        .reasons(workflowIds);
  }

  @Override
  public void close() {
    try {
      poller.stop(java.time.Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (listener != null) {
        try {
          listener.stop(java.time.Duration.ofSeconds(5));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    db.close();
  }
}
