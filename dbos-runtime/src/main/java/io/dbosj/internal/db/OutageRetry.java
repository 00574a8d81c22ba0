package io.dbosj.internal.db;

import io.dbosj.SystemDatabaseUnreachableException;
import io.dbosj.internal.config.DatabaseUrl;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteException;

/**
 * Retries system-database calls that failed for a connection-level reason (the server restarting
 * or unreachable, a connection reset, SQLite busy or locked) with a growing pause, until the call
 * succeeds or {@code limit} has passed since its first failure; then it throws {@link
 * SystemDatabaseUnreachableException}. Any other failure (a constraint, bad SQL) passes at once.
 *
 * <p>An outage is logged twice, however many threads retry through it: once when the first call
 * fails, once when a call succeeds again.
 */
public final class OutageRetry {
  private static final Logger log = LoggerFactory.getLogger(OutageRetry.class);
  private static final long FIRST_PAUSE_MS = 50;
  private static final long LONGEST_PAUSE_MS = 2_000;

  /** One attempt of a call. */
  @FunctionalInterface
  public interface Attempt<T> {
    T run() throws SQLException;
  }

  private final DatabaseUrl url;
  private final Duration limit;
  private final BooleanSupplier closed;
  private final AtomicBoolean down = new AtomicBoolean();
  private final List<Runnable> giveUpListeners = new CopyOnWriteArrayList<>();
  private volatile long downSinceMillis;
  /** When a call last succeeded after an outage: a failure of an attempt begun before says nothing new. */
  private volatile long backAtNanos = System.nanoTime() - Long.MAX_VALUE / 2;

  /** {@code closed}: whether the pool was closed, when retrying would be pointless. */
  OutageRetry(DatabaseUrl url, Duration limit, BooleanSupplier closed) {
    this.url = url;
    this.limit = limit;
    this.closed = closed;
  }

  public Duration limit() {
    return limit;
  }

  /** Whether the last call that ended failed for a connection-level reason. */
  public boolean isDown() {
    return down.get();
  }

  /**
   * Runs {@code listener} (on the thread that gave up) each time a call exhausts the limit: the
   * runtime then knows an execution may have been abandoned, and recovers it once the database
   * is back.
   */
  public void onGiveUp(Runnable listener) {
    giveUpListeners.add(listener);
  }

  /**
   * Runs {@code attempt} until it succeeds, fails for a reason other than the connection, or the
   * limit passes.
   *
   * @throws SystemDatabaseUnreachableException once the limit has passed
   * @throws DbosShutdownException if the thread is interrupted while it waits to retry
   */
  public <T> T run(Attempt<T> attempt) throws SQLException {
    long giveUpAt = 0;
    long pause = FIRST_PAUSE_MS;
    while (true) {
      long attemptStart = System.nanoTime();
      try {
        T result = attempt.run();
        if (down.get()) {
          markBack();
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        if (!isConnectionFailure(e) || closed.getAsBoolean()) {
          throw e;
        }
        long now = System.nanoTime();
        if (giveUpAt == 0) {
          giveUpAt = now + limit.toNanos();
        }
        if (attemptStart - backAtNanos >= 0) {
          markDown(e);
        }
        if (now - giveUpAt >= 0) {
          throw giveUp(e);
        }
        pauseBeforeRetry(Math.min(pause, Math.max(1, (giveUpAt - now) / 1_000_000)));
        pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
      }
    }
  }

  private SystemDatabaseUnreachableException giveUp(Exception cause) {
    SystemDatabaseUnreachableException e =
        new SystemDatabaseUnreachableException(
            "the system database " + url + " is unreachable: retried for " + limit.toSeconds()
                + " s (the limit, DBOS_DATABASE_RETRY_LIMIT or DBOS.builder().databaseRetryLimit)"
                + "; nothing was recorded as a workflow's outcome, and unfinished workflows stay"
                + " PENDING until the database is back. Last error: "
                + DatabaseUrl.mask(String.valueOf(cause.getMessage())),
            cause);
    for (Runnable listener : giveUpListeners) {
      try {
        listener.run();
      } catch (RuntimeException listenerFailure) {
        log.warn("a listener of an exhausted database retry failed", listenerFailure);
      }
    }
    return e;
  }

  private void markDown(Exception e) {
    if (down.compareAndSet(false, true)) {
      downSinceMillis = System.currentTimeMillis();
      log.warn(
          "the system database {} is unreachable ({}); retrying every call for up to {} s",
          url,
          DatabaseUrl.mask(String.valueOf(e.getMessage())),
          limit.toSeconds());
    }
  }

  private void markBack() {
    if (down.compareAndSet(true, false)) {
      backAtNanos = System.nanoTime();
      log.info(
          "the system database {} is reachable again after {} ms",
          url,
          System.currentTimeMillis() - downSinceMillis);
    }
  }

  private static void pauseBeforeRetry(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DbosShutdownException();
    }
  }

  /** What HikariCP's proxy of a connection the pool closed throws, with no SQLState. */
  private static final String HIKARI_CLOSED = "Connection is closed";

  /**
   * Whether {@code t} (or a cause) says the database could not be reached or the connection was
   * lost, rather than that the statement was wrong: SQLState class {@code 08}, the {@code 57P0x}
   * shutdown states, a pool timeout, a socket error, SQLite busy or locked.
   */
  public static boolean isConnectionFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SystemDatabaseUnreachableException) {
        return false; // a retry of its own gave up already
      }
      if (c instanceof SQLTransientConnectionException
          || c instanceof SocketException
          || c instanceof EOFException) {
        return true;
      }
      if (c instanceof SQLiteException sqlite) {
        int primary = sqlite.getErrorCode() & 0xff;
        if (primary == 5 || primary == 6) { // SQLITE_BUSY, SQLITE_LOCKED
          return true;
        }
      }
      if (c instanceof SQLException sql && sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage())) {
        return true; // the pool evicted this connection as broken, and its proxy now refuses every call
      }
      if (c instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
          return true;
        }
      }
    }
    return false;
  }
}
