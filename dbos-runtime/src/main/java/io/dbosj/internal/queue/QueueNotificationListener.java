package io.dbosj.internal.queue;

import io.dbosj.internal.db.QueueStore;
import io.dbosj.internal.db.SystemDatabase;
import io.dbosj.internal.lifecycle.Service;
import io.dbosj.internal.lifecycle.ServiceThread;
import java.time.Duration;
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
public final class QueueNotificationListener implements Service {
  private static final Logger log = LoggerFactory.getLogger(QueueNotificationListener.class);

  private final SystemDatabase db;
  private final Runnable onNotification;
  private final ServiceThread thread = new ServiceThread("dbos-queue-listener", this::run);
  private volatile Connection connection;

  public QueueNotificationListener(SystemDatabase db, Runnable onNotification) {
    this.db = db;
    this.onNotification = onNotification;
  }

  @Override
  public String name() {
    return "queue notification listener";
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
          s.execute("LISTEN " + QueueStore.CHANNEL);
        }
        if (lost) {
          log.info("the queue notification connection is back");
          lost = false;
        }
        PGConnection listener = c.unwrap(PGConnection.class);
        while (!thread.stopping()) {
          PGNotification[] notifications = listener.getNotifications(1_000);
          if (notifications != null && notifications.length > 0) {
            onNotification.run();
          }
        }
      } catch (SQLException e) {
        if (thread.stopping()) {
          return;
        }
        if (!lost) {
          log.warn("lost the queue notification connection ({}); polling until it is back", e.getMessage());
          lost = true;
        } else {
          log.debug("the queue notification connection is still down: {}", e.getMessage());
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
        log.debug("closing the queue notification connection", e);
      }
    }
  }
}
