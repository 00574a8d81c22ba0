package io.dbosj.bench;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.StartWorkflowOptions;
import dev.dbos.transact.config.DBOSConfig;
import dev.dbos.transact.workflow.Queue;
import dev.dbos.transact.workflow.WorkflowHandle;

/** DBOS Transact Java doing the same work on its own PostgreSQL database. */
final class PeerSubject implements Subject {
  private static final Queue QUEUE = new Queue("bench").withConcurrency(32);

  private final DBOS dbos;
  private final PeerFlows flows;
  private final Queue queue;

  PeerSubject(String jdbcUrl, String user, String password) {
    this(jdbcUrl, user, password, null);
  }

  /** With {@code queuePolling} non-null, the queue is polled that often instead of the peer's default. */
  PeerSubject(String jdbcUrl, String user, String password, java.time.Duration queuePolling) {
    this.dbos = new DBOS(config(jdbcUrl, user, password));
    this.queue = queuePolling == null ? QUEUE : QUEUE.withPollingInterval(queuePolling);
    dbos.registerQueue(queue);
    this.flows = dbos.registerProxy(PeerFlows.class, new PeerFlowsImpl(dbos));
    dbos.launch();
  }

  static DBOSConfig config(String jdbcUrl, String user, String password) {
    return DBOSConfig.defaults("bench-peer")
        .withDatabaseUrl(jdbcUrl)
        .withDbUser(user)
        .withDbPassword(password); // its admin server is off by default
  }

  @Override
  public void runThreeSteps() {
    flows.threeSteps();
  }

  @Override
  public QueuedTask enqueueTask(int i) {
    WorkflowHandle<String, RuntimeException> handle =
        dbos.startWorkflow(() -> flows.task(i), new StartWorkflowOptions(queue));
    return handle::getResult;
  }

  @Override
  public void startStuck(int count) {
    for (int i = 0; i < count; i++) {
      dbos.startWorkflow(() -> flows.stuck(), new StartWorkflowOptions());
    }
  }

  /** ms to construct and launch the peer on an empty database, then close it. */
  static double launchMillis(String jdbcUrl, String user, String password) {
    long start = System.nanoTime();
    try (DBOS dbos = new DBOS(config(jdbcUrl, user, password))) {
      dbos.registerQueue(QUEUE);
      dbos.registerProxy(PeerFlows.class, new PeerFlowsImpl(dbos));
      dbos.launch();
      return Stats.millisSince(start);
    }
  }

  @Override
  public void close() {
    dbos.close();
  }
}
