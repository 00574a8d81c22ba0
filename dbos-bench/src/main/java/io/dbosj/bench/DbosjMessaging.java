package io.dbosj.bench;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;

/** W8 for io.dbosj: two of its workflows exchanging messages, on PostgreSQL or SQLite. */
final class DbosjMessaging implements WorkflowMessaging {
  private final DBOS dbos;
  private final MessengerDurable messenger;
  private final MessageLog log = new MessageLog();
  private int round;

  DbosjMessaging(String url) {
    this.dbos = DbosjSubject.build(url);
    this.messenger = new MessengerDurable(dbos, log);
    dbos.launch();
  }

  @Override
  public double[] pingPong(int messages) {
    log.begin(messages);
    String ping = "w8-ping-" + round;
    String pong = "w8-pong-" + round++;
    WorkflowHandle<String> ponged = messenger.start(StartOptions.id(pong)).pong(ping, messages);
    WorkflowHandle<String> pinged = messenger.start(StartOptions.id(ping)).ping(pong, messages);
    pinged.getResult();
    ponged.getResult();
    return log.latencyMillis();
  }

  @Override
  public double stream(int messages) {
    String receiver = "w8-receiver-" + round++;
    long start = System.nanoTime();
    WorkflowHandle<String> received = messenger.start(StartOptions.id(receiver)).receiveAll(messages);
    WorkflowHandle<String> sent = messenger.start(StartOptions.defaults()).sendAll(receiver, messages);
    received.getResult();
    double seconds = Stats.millisSince(start) / 1000;
    sent.getResult();
    return messages / seconds;
  }

  @Override
  public void startPong(String pongId, String pingId, int messages) {
    log.begin(messages); // this process's log is the pong's alone
    messenger.start(StartOptions.id(pongId)).pong(pingId, messages);
  }

  @Override
  public double[] pingAcross(String pingId, String pongId, int messages) {
    log.begin(messages);
    messenger.start(StartOptions.id(pingId)).ping(pongId, messages).getResult();
    return log.halfRoundTripMillis();
  }

  @Override
  public void close() {
    dbos.close();
  }
}
