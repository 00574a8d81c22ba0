package io.dbosj;

import java.time.Duration;

/**
 * The system database did not answer (the server down or restarting, the connection lost, SQLite
 * locked) for longer than the retry limit, {@link DBOS.Builder#databaseRetryLimit(Duration)}.
 * Nothing was recorded as the workflow's outcome: it stays {@code PENDING}, and this process
 * recovers it once the database is back.
 *
 * <pre>{@code
 * try {
 *   orders.checkout(order);
 * } catch (SystemDatabaseUnreachableException e) {
 *   // not the workflow's failure: retrieve it later, its outcome comes once the database is back
 * }
 * }</pre>
 */
public class SystemDatabaseUnreachableException extends DbosException {
  private static final long serialVersionUID = 1L;

  public SystemDatabaseUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether {@code t} or one of its causes is this exception. */
  public static boolean isCauseOf(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SystemDatabaseUnreachableException) {
        return true;
      }
    }
    return false;
  }
}
