package io.dbosj.internal.config;

/**
 * The configuration a {@code DBOS} instance runs with, after every source was consulted.
 *
 * @param appName the application's name; names the default SQLite file
 * @param systemDatabase where workflows are recorded
 * @param applicationDatabase where {@code @Transaction} methods run
 * @param executorId this process's identity for recovery; workflows it starts are its to recover
 * @param appVersion the application version recorded with each workflow, or {@code null} to derive
 *     one from the registered workflow signatures
 * @param adminServer whether the admin HTTP server should run
 * @param adminPort the admin server's port on 127.0.0.1
 * @param migrateCommands the shell commands {@code database.migrate} lists, run by {@code
 *     DbosMigrate}
 * @param startCommands the shell commands {@code runtimeConfig.start} lists, run by {@code
 *     DbosStart}
 * @param databaseRetryLimit how long a system-database call retries through an outage
 */
public record DbosConfig(
    String appName,
    DatabaseUrl systemDatabase,
    DatabaseUrl applicationDatabase,
    String executorId,
    String appVersion,
    boolean adminServer,
    int adminPort,
    java.util.List<String> migrateCommands,
    java.util.List<String> startCommands,
    java.time.Duration databaseRetryLimit) {

  /** How long a system-database call retries through an outage unless configured otherwise. */
  public static final java.time.Duration DEFAULT_DATABASE_RETRY_LIMIT = java.time.Duration.ofMinutes(3);

  /** With the default retry limit. */
  public DbosConfig(
      String appName,
      DatabaseUrl systemDatabase,
      DatabaseUrl applicationDatabase,
      String executorId,
      String appVersion,
      boolean adminServer,
      int adminPort,
      java.util.List<String> migrateCommands,
      java.util.List<String> startCommands) {
    this(appName, systemDatabase, applicationDatabase, executorId, appVersion, adminServer, adminPort,
        migrateCommands, startCommands, DEFAULT_DATABASE_RETRY_LIMIT);
  }
}
