package io.dbosj.internal.runtime;

import io.dbosj.internal.config.DatabaseUrl;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Prepares on a second core, while {@code launch()} sets up its pool and opens the first
 * connection, what the rest of launch needs that does not depend on that connection:
 *
 * <ul>
 *   <li>on SQLite, the driver's native library, which a new JVM extracts from the driver's jar to
 *       a temporary file and loads (mostly waiting on files and a helper process, some 150 ms);
 *   <li>the class the connection pool generates at run time (a {@code java.lang.reflect.Proxy})
 *       the first time a connection is handed back, some 50 ms in a new JVM.
 * </ul>
 *
 * Nothing here touches the database or any state of this runtime; if a step fails, the launching
 * thread does the same work itself when it gets there and reports what went wrong.
 *
 * <p>Measured with dbos-bench W6 and left out: warming the PostgreSQL password login (SCRAM
 * hashing) and the classes launch builds after connecting. Both compete for the second core with
 * the JIT compilers and made the first launch slower, not faster.
 */
final class LaunchWarmUp {
  static final String POOL_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

  private LaunchWarmUp() {}

  /** Starts the warm-up for a launch on {@code systemDatabase}; does nothing on a single core. */
  static void start(DatabaseUrl.Kind systemDatabase) {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      return;
    }
    Thread thread = new Thread(() -> run(systemDatabase), "dbos-launch-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run(DatabaseUrl.Kind systemDatabase) {
    if (systemDatabase == DatabaseUrl.Kind.SQLITE) {
      try {
        SQLiteJDBCLoader.initialize();
      } catch (Exception | LinkageError e) {
        // the first connection loads it again and fails with the driver's own message
      }
    }
    try {
      Class.forName(POOL_CLOSED_CONNECTION, true, LaunchWarmUp.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      // a pool version without this class: the launching thread pays whatever it costs there
    }
  }
}
