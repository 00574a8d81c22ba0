package io.dbosj.internal.db;

import io.dbosj.internal.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Puts a SQLite file into WAL mode before the pool opens. The switch needs an exclusive lock, and
 * when several processes or threads open a fresh file at once SQLite reports the contention as
 * {@code SQLITE_BUSY} straight away, without waiting out the busy timeout. Once the file is in WAL
 * mode it stays so, and every later connection's {@code journal_mode=WAL} is a no-op.
 */
final class SqliteWalMode {
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;

  private SqliteWalMode() {}

  /** Switches the file to WAL, trying again while another connection holds the lock. */
  static void ensure(DatabaseUrl url, boolean create, Duration patience) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("busy_timeout", "1000");
    if (!create) {
      properties.setProperty("open_mode", "2"); // SQLITE_OPEN_READWRITE, without CREATE
    }
    long deadline = System.nanoTime() + patience.toNanos();
    long pauseMillis = 5;
    while (true) {
      try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties);
          Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        return;
      } catch (SQLException e) {
        boolean contended = e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED;
        if (!contended || System.nanoTime() > deadline) {
          throw e;
        }
      }
      pause(pauseMillis);
      pauseMillis = Math.min(200, pauseMillis * 2);
    }
  }

  private static void pause(long millis) throws SQLException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting to switch the SQLite file to WAL mode", e);
    }
  }
}
