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
 * @param executorIdGiven whether the executor ID was set (builder, environment or file), rather
 *     than the default {@code local}: a set ID held by a live process is refused at launch, the
 *     default one is replaced by a distinct one
 * @param heartbeatInterval how often this executor renews its heartbeat
 * @param executorLease how long after its last heartbeat another process takes over an
 *     executor's work
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
    boolean executorIdGiven,
    java.time.Duration heartbeatInterval,
    java.time.Duration executorLease,
    java.time.Duration databaseRetryLimit) {

  /** How long a system-database call retries through an outage unless configured otherwise. */
  public static final java.time.Duration DEFAULT_DATABASE_RETRY_LIMIT = java.time.Duration.ofMinutes(3);
}
