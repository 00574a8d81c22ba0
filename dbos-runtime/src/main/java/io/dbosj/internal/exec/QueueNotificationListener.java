package io.dbosj.internal.exec;

import io.dbosj.internal.db.QueueStore;
import io.dbosj.internal.db.SystemDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On PostgreSQL, listens for work enqueued by any process and wakes this process's queue runner,
 * so a task starts promptly rather than at the next poll. Reconnects after a lost connection.
 */
final class QueueNotificationListener {
  private static final Logger log = LoggerFactory.getLogger(QueueNotificationListener.class);

  private final SystemDatabase db;
  private final Runnable onNotification;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile Connection connection;

  QueueNotificationListener(SystemDatabase db, Runnable onNotification) {
    this.db = db;
    this.onNotification = onNotification;
    this.thread = new Thread(this::run, "dbos-queue-listener");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void stop() {
    stopped = true;
    thread.interrupt();
    closeConnection();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (!stopped) {
      try (Connection c = db.openDedicatedConnection()) {
        connection = c;
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + QueueStore.CHANNEL);
        }
        PGConnection listener = c.unwrap(PGConnection.class);
        while (!stopped) {
          PGNotification[] notifications = listener.getNotifications(1_000);
          if (notifications != null && notifications.length > 0) {
            onNotification.run();
          }
        }
      } catch (SQLException e) {
        if (stopped) {
          return;
        }
        log.warn("lost the queue notification connection; polling until it is back", e);
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
        log.debug("closing the queue notification connection", e);
      }
    }
  }
}
