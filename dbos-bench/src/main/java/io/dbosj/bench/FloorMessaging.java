package io.dbosj.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** W8's floor: two threads, each a {@link FloorMailbox} on its own connection, on a PostgreSQL database of its own. */
final class FloorMessaging implements MessagingSubject {
  private final ExecutorService parties = Executors.newFixedThreadPool(2, r -> new Thread(r, "bench-floor-party"));
  private final List<FloorMailbox> mailboxes = new ArrayList<>();
  private final MessageLog log = new MessageLog();
  private final FloorMailbox ping;
  private final FloorMailbox pong;
  private final FloorMailbox sender;
  private final FloorMailbox receiver;

  FloorMessaging(BenchDatabases databases) throws SQLException {
    String url = databases.fresh("bench_floor");
    try (Connection c = databases.connect(url); Statement s = c.createStatement()) {
      s.execute(FloorMailbox.SCHEMA);
    }
    try {
      this.ping = open(databases, url, "ping");
      this.pong = open(databases, url, "pong");
      this.sender = open(databases, url, "sender");
      this.receiver = open(databases, url, "receiver");
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private FloorMailbox open(BenchDatabases databases, String url, String name) throws SQLException {
    FloorMailbox mailbox = new FloorMailbox(databases.connect(url), name);
    mailboxes.add(mailbox);
    return mailbox;
  }

  @Override
  public double[] pingPong(int messages) throws Exception {
    log.begin(messages);
    Future<String> ponged = parties.submit(() -> MessageExchange.pong(pong, "ping", messages, log));
    Future<String> pinged = parties.submit(() -> MessageExchange.ping(ping, "pong", messages, log));
    pinged.get();
    ponged.get();
    return log.latencyMillis();
  }

  @Override
  public double stream(int messages) throws Exception {
    long start = System.nanoTime();
    Future<String> received = parties.submit(() -> MessageExchange.receiveAll(receiver, messages));
    Future<String> sent = parties.submit(() -> MessageExchange.sendAll(sender, "receiver", messages));
    received.get();
    double seconds = Stats.millisSince(start) / 1000;
    sent.get();
    return messages / seconds;
  }

  @Override
  public void close() {
    parties.shutdownNow();
    for (FloorMailbox mailbox : mailboxes) {
      try {
        mailbox.close();
      } catch (SQLException e) {
        System.err.println("  closing the floor's connection: " + e);
      }
    }
  }
}
