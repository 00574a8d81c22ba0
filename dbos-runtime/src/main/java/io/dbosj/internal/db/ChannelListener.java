package io.dbosj.internal.db;

import io.dbosj.internal.lifecycle.Service;
import io.dbosj.internal.lifecycle.ServiceThread;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On PostgreSQL, LISTENs on channels of the system database, over one connection of its own, and
 * hands each notification's payload to its channel's handler: work enqueued by any process wakes
 * the queue runner, a message, event or stream value wakes its readers. Reconnects after a lost
 * connection; meanwhile those who wait poll.
 */
public final class ChannelListener implements Service {
  private static final Logger log = LoggerFactory.getLogger(ChannelListener.class);

  private final SystemDatabase db;
  private final Map<String, Consumer<String>> handlers;
  private final ServiceThread thread = new ServiceThread("dbos-channel-listener", this::run);
  private volatile Connection connection;

  /** {@code handlers}: per channel, what takes a notification's payload; called on the listener's thread. */
  public ChannelListener(SystemDatabase db, Map<String, Consumer<String>> handlers) {
    this.db = db;
    this.handlers = Map.copyOf(handlers);
  }

  @Override
  public String name() {
    return "notification listener";
  }

  @Override
  public void start() {
    thread.start();
  }

  @Override
  public boolean stop(Duration timeout) throws InterruptedException {
    thread.requestStop();
    closeConnection(); // ends a wait for notifications at once
    return thread.stop(timeout);
  }

  private void run() {
    boolean lost = false;
    while (!thread.stopping()) {
      try (Connection c = db.openDedicatedConnection()) {
        connection = c;
        try (Statement s = c.createStatement()) {
          for (String channel : handlers.keySet()) {
            s.execute("LISTEN " + channel);
          }
        }
        if (lost) {
          log.info("the notification connection is back");
          lost = false;
        }
        PGConnection listener = c.unwrap(PGConnection.class);
        while (!thread.stopping()) {
          PGNotification[] notifications = listener.getNotifications(1_000);
          if (notifications != null) {
            for (PGNotification n : notifications) {
              Consumer<String> handler = handlers.get(n.getName());
              if (handler != null) {
                handler.accept(n.getParameter());
              }
            }
          }
        }
      } catch (SQLException e) {
        if (thread.stopping()) {
          return;
        }
        if (!lost) {
          log.warn("lost the notification connection ({}); polling until it is back", e.getMessage());
          lost = true;
        } else {
          log.debug("the notification connection is still down: {}", e.getMessage());
        }
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException interrupted) {
          return;
        }
      } finally {
        connection = null;
      }
    }
  }

  private void closeConnection() {
    Connection c = connection;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        log.debug("closing the notification connection", e);
      }
    }
  }
}
