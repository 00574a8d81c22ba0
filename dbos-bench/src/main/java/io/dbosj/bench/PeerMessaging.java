package io.dbosj.bench;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.StartWorkflowOptions;
import dev.dbos.transact.workflow.WorkflowHandle;

/** W8 for DBOS Transact Java: two of its workflows exchanging messages on its own PostgreSQL database. */
final class PeerMessaging implements WorkflowMessaging {
  private final DBOS dbos;
  private final PeerMessenger messenger;
  private final MessageLog log = new MessageLog();
  private int round;

  PeerMessaging(String jdbcUrl, String user, String password) {
    this.dbos = new DBOS(PeerSubject.config(jdbcUrl, user, password));
    this.messenger = dbos.registerProxy(PeerMessenger.class, new PeerMessengerImpl(dbos, log));
    dbos.launch();
  }

  @Override
  public double[] pingPong(int messages) {
    log.begin(messages);
    String ping = "w8-ping-" + round;
    String pong = "w8-pong-" + round++;
    WorkflowHandle<String, RuntimeException> ponged =
        dbos.startWorkflow(() -> messenger.pong(ping, messages), new StartWorkflowOptions(pong));
    WorkflowHandle<String, RuntimeException> pinged =
        dbos.startWorkflow(() -> messenger.ping(pong, messages), new StartWorkflowOptions(ping));
    pinged.getResult();
    ponged.getResult();
    return log.latencyMillis();
  }

  @Override
  public double stream(int messages) {
    String receiver = "w8-receiver-" + round++;
    long start = System.nanoTime();
    WorkflowHandle<String, RuntimeException> received =
        dbos.startWorkflow(() -> messenger.receiveAll(messages), new StartWorkflowOptions(receiver));
    WorkflowHandle<String, RuntimeException> sent =
        dbos.startWorkflow(() -> messenger.sendAll(receiver, messages), new StartWorkflowOptions());
    received.getResult();
    double seconds = Stats.millisSince(start) / 1000;
    sent.getResult();
    return messages / seconds;
  }

  @Override
  public void startPong(String pongId, String pingId, int messages) {
    log.begin(messages); // this process's log is the pong's alone
    dbos.startWorkflow(() -> messenger.pong(pingId, messages), new StartWorkflowOptions(pongId));
  }

  @Override
  public double[] pingAcross(String pingId, String pongId, int messages) {
    log.begin(messages);
    dbos.startWorkflow(() -> messenger.ping(pongId, messages), new StartWorkflowOptions(pingId)).getResult();
    return log.halfRoundTripMillis();
  }

  @Override
  public void close() {
    dbos.close();
  }
}
