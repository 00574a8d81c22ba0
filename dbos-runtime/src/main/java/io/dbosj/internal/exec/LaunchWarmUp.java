package io.dbosj.internal.exec;

/**
 * Prepares on a second core, while {@code launch()} waits for its first database connection, the
 * one costly thing the rest of launch needs that does not depend on that connection: the class the
 * connection pool generates at run time (a {@code java.lang.reflect.Proxy}) the first time a
 * connection is handed back, some 50 ms in a new JVM. Nothing here touches the database or any
 * state; if it fails, the launching thread does the same work itself when it gets there.
 *
 * <p>Measured with dbos-bench W6 and left out: warming the PostgreSQL password login (SCRAM
 * hashing) and the classes launch builds after connecting. Both compete for the second core with
 * the JIT compilers and made the first launch slower, not faster.
 */
final class LaunchWarmUp {
  static final String POOL_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

  private LaunchWarmUp() {}

  /** Starts the warm-up; does nothing on a single core, where it could only compete. */
  static void start() {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      return;
    }
    Thread thread = new Thread(LaunchWarmUp::run, "dbos-launch-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      Class.forName(POOL_CLOSED_CONNECTION, true, LaunchWarmUp.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      // a pool version without this class: the launching thread pays whatever it costs there
    }
  }
}
