package io.dbosj.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.dbosj.DbosException;
import io.dbosj.internal.config.DatabaseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The connection pool to the system database, and the jOOQ dialect of its (rarely used) jOOQ
 * queries.
 * PostgreSQL gets a pool of connections, one per concurrent writer; SQLite runs in WAL mode with
 * full fsync, immediate write transactions and a long busy timeout, so writers queue rather than
 * fail.
 */
public final class SystemDatabase implements AutoCloseable, io.dbosj.internal.lifecycle.Service {
  static {
    // jOOQ prints a banner and a "tip of the day" on first use: noise in a library's users' logs.
    if (System.getProperty("org.jooq.no-logo") == null) {
      System.setProperty("org.jooq.no-logo", "true");
    }
    if (System.getProperty("org.jooq.no-tips") == null) {
      System.setProperty("org.jooq.no-tips", "true");
    }
  }

  private static final int POSTGRES_POOL_SIZE = 16;
  private static final int SQLITE_POOL_SIZE = 4;
  private static final java.time.Duration SQLITE_WAL_SWITCH_PATIENCE = java.time.Duration.ofSeconds(30);
  /** How long a call retries through an outage unless configured otherwise. */
  public static final java.time.Duration DEFAULT_RETRY_LIMIT = io.dbosj.internal.config.DbosConfig.DEFAULT_DATABASE_RETRY_LIMIT;

  private final DatabaseUrl url;
  private final HikariDataSource pool;
  /** Made on first use: jOOQ is some 1000 classes that {@code launch()} does without. */
  private volatile DSLContext renderer;
  private final GroupCommit groupCommit;
  private final OutageRetry retry;
  /** Which layout the schema has, set by {@link SchemaMigrations} before any store is made. */
  private volatile SchemaLayout layout = SchemaLayout.DBOS_TS;

  private SystemDatabase(DatabaseUrl url, HikariDataSource pool, java.time.Duration retryLimit) {
    this.url = url;
    this.pool = pool;
    this.retry = new OutageRetry(url, retryLimit, pool::isClosed);
    this.groupCommit = GroupCommit.of(this);
  }

  /** How calls retry through an outage; every operation of this class goes through it. */
  public OutageRetry retry() {
    return retry;
  }

  /** Runs {@code attempt}, again after a connection-level failure, as {@link OutageRetry} says. */
  <T> T retrying(OutageRetry.Attempt<T> attempt) throws SQLException {
    return retry.run(attempt);
  }

  void useLayout(SchemaLayout layout) {
    this.layout = layout;
  }

  /**
   * What {@code dbos.queues} lacks for keeping queue limits ({@code null}: nothing): a table an
   * older DBOS made, without the partition limits.
   */
  public String queueTableLacks() {
    return layout.queueTableLacks();
  }

  /** Whether {@code application_versions} records each version's application (not in DBOS Java 1.1's layout). */
  public boolean recordsVersionOwners() {
    return layout.versionOwners();
  }

  /** Whether the schema has DBOS TS's {@code workflow_input} and {@code workflow_output}. */
  boolean hasPayloadTables() {
    return layout.payloadTables();
  }

  /** The statements for this database and the layout its schema has. */
  SystemSql sql() {
    return SystemSql.of(isPostgres(), layout.payloadTables());
  }

  /** Where checkpoints of concurrent workflows are combined into shared commits. */
  public GroupCommit groupCommit() {
    return groupCommit;
  }

  /**
   * Opens the pool and checks that the database answers.
   *
   * @throws DbosException naming the URL (password masked) and the cause, if it does not
   */
  public static SystemDatabase open(DatabaseUrl url, String poolName) {
    return open(url, poolName, DEFAULT_RETRY_LIMIT);
  }

  /**
   * Opens the pool, creating a SQLite database (and its directory) if there is none; calls retry
   * through an outage for up to {@code retryLimit}.
   */
  public static SystemDatabase open(DatabaseUrl url, String poolName, java.time.Duration retryLimit) {
    return open(url, poolName, retryLimit, true);
  }

  /**
   * Opens the pool to a database that must exist already: a read-only command or a client
   * creates nothing, not even an empty SQLite file.
   *
   * @throws DbosException naming the URL, if a SQLite database is not there
   */
  public static SystemDatabase openExisting(DatabaseUrl url, String poolName) {
    if (url.kind() == DatabaseUrl.Kind.SQLITE && !Files.isRegularFile(url.sqlitePath())) {
      throw new DbosException(
          "no system database at " + url + ": the SQLite file " + url.sqlitePath().toAbsolutePath()
              + " does not exist. Check the URL, or launch the application once to create it.");
    }
    return open(url, poolName, DEFAULT_RETRY_LIMIT, false);
  }

  private static SystemDatabase open(DatabaseUrl url, String poolName, java.time.Duration retryLimit, boolean create) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(poolName);
    config.setJdbcUrl(url.jdbcUrl());
    config.setAutoCommit(true);
    config.setInitializationFailTimeout(1);
    // A wait for a connection is one attempt of a retried call (see OutageRetry): short, so that
    // the retry limit, not the pool, says how long a call waits through an outage.
    config.setConnectionTimeout(Math.max(250, Math.min(5_000, retryLimit.toMillis())));
    // One connection at launch (the one that checks the database answers); the pool grows to its
    // maximum as callers need more. Filling all of them at once would open (and, on PostgreSQL,
    // SCRAM-authenticate) up to 16 connections while launch() runs, in a JVM still interpreting.
    config.setMinimumIdle(1);
    if (url.user() != null) {
      config.setUsername(url.user());
    }
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    if (url.kind() == DatabaseUrl.Kind.SQLITE) {
      if (create) {
        createParentDirectory(url);
      } else {
        config.addDataSourceProperty("open_mode", "2"); // SQLITE_OPEN_READWRITE, without CREATE
      }
      config.setMaximumPoolSize(SQLITE_POOL_SIZE);
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "FULL");
      config.addDataSourceProperty("busy_timeout", "30000");
      config.addDataSourceProperty("foreign_keys", "true");
      config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    } else {
      config.setMaximumPoolSize(POSTGRES_POOL_SIZE);
    }
    try {
      if (url.kind() == DatabaseUrl.Kind.SQLITE) {
        SqliteWalMode.ensure(url, create, SQLITE_WAL_SWITCH_PATIENCE);
      }
      HikariDataSource pool = new HikariDataSource(config);
      return new SystemDatabase(url, pool, retryLimit);
    } catch (HikariPool.PoolInitializationException | SQLException e) {
      Throwable cause = e instanceof SQLException || e.getCause() == null ? e : e.getCause();
      throw new DbosException(
          "cannot connect to the system database at "
              + url
              + ": "
              + DatabaseUrl.mask(String.valueOf(cause.getMessage()))
              + ". Check that the database is running and the URL (DBOS_SYSTEM_DATABASE_URL,"
              + " dbos-config.yaml or DBOS.builder().systemDatabaseUrl) is right.",
          cause);
    }
  }

  private static void createParentDirectory(DatabaseUrl url) {
    Path parent = url.sqlitePath().toAbsolutePath().getParent();
    if (parent == null || Files.isDirectory(parent)) {
      return;
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new DbosException("cannot create the directory of the SQLite database " + url, e);
    }
  }

  public DatabaseUrl url() {
    return url;
  }

  public boolean isPostgres() {
    return url.kind() == DatabaseUrl.Kind.POSTGRESQL;
  }

  /**
   * A connection of its own, outside the pool, for a long-lived session such as PostgreSQL's
   * {@code LISTEN}. The caller closes it.
   */
  public Connection openDedicatedConnection() throws SQLException {
    java.util.Properties properties = new java.util.Properties();
    if (url.user() != null) {
      properties.setProperty("user", url.user());
    }
    if (url.password() != null) {
      properties.setProperty("password", url.password());
    }
    return java.sql.DriverManager.getConnection(url.jdbcUrl(), properties);
  }

  /** A jOOQ context that renders SQL for this database without touching a connection. */
  public DSLContext renderer() {
    DSLContext r = renderer;
    if (r == null) {
      r = renderer(isPostgres());
      renderer = r;
    }
    return r;
  }

  /** A jOOQ context rendering for PostgreSQL or for SQLite (whose tables have no schema). */
  static DSLContext renderer(boolean postgres) {
    Settings settings = new Settings();
    if (!postgres) {
      settings.setRenderSchema(false);
    }
    return DSL.using(postgres ? SQLDialect.POSTGRES : SQLDialect.SQLITE, settings);
  }

  /** A jOOQ context executing on {@code connection}. */
  public DSLContext dsl(Connection connection) {
    DSLContext r = renderer();
    return DSL.using(connection, r.dialect(), r.settings());
  }

  /** A connection from the pool; the caller closes it, which returns it reset. */
  public Connection openPooledConnection() throws SQLException {
    return pool.getConnection();
  }

  /** Runs {@code work} on a pooled connection in auto-commit mode. */
  public <T> T withConnection(SqlWork<T> work) {
    try {
      return retry.run(
          () -> {
            try (Connection connection = pool.getConnection()) {
              return work.run(connection);
            }
          });
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Runs a prepared statement with these bind values and returns the count of rows it changed. */
  public int update(String sql, Object... binds) {
    return withConnection(
        c -> {
          try (PreparedStatement statement = c.prepareStatement(sql)) {
            Jdbc.bind(statement, binds);
            return statement.executeUpdate();
          }
        });
  }

  /**
   * Runs one prepared statement for each set of bind values, as one JDBC batch in one
   * transaction, and returns the count of rows each run changed.
   */
  public int[] updateEach(String sql, List<Object[]> bindsPerRun) {
    if (bindsPerRun.isEmpty()) {
      return new int[0];
    }
    return inTransaction(
        c -> {
          try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (Object[] binds : bindsPerRun) {
              Jdbc.bind(statement, binds);
              statement.addBatch();
            }
            return statement.executeBatch();
          }
        });
  }

  /** Runs a prepared query with these bind values and reads every row. */
  <T> List<T> query(String sql, RowReader<T> reader, Object... binds) {
    return withConnection(
        c -> {
          try (PreparedStatement statement = c.prepareStatement(sql)) {
            Jdbc.bind(statement, binds);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
              while (rs.next()) {
                rows.add(reader.read(rs));
              }
            }
            return rows;
          }
        });
  }

  /** Runs {@code work} in one transaction, committed if it returns, rolled back if it throws. */
  public <T> T inTransaction(SqlWork<T> work) {
    try {
      return retry.run(() -> transaction(work));
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private <T> T transaction(SqlWork<T> work) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      T result;
      try {
        result = work.run(connection);
        connection.commit();
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        try {
          connection.setAutoCommit(true);
        } catch (SQLException lost) {
          e.addSuppressed(lost); // the pool discards a lost connection; report the first failure
        }
        throw e;
      }
      connection.setAutoCommit(true);
      return result;
    }
  }

  /** A rollback on a lost connection fails too; the first failure is the one to report. */
  static void rollbackQuietly(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  DbosException failure(SQLException e) {
    return new DbosException(
        "system database " + url + " failed: " + DatabaseUrl.mask(String.valueOf(e.getMessage())),
        e);
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String name() {
    return "connection pool " + pool.getPoolName();
  }

  /** Closes the pool: its connections and its housekeeping thread. */
  @Override
  public boolean stop(java.time.Duration timeout) {
    pool.close();
    return true;
  }
}
