package io.dbosj.internal.db;

import io.dbosj.DbosException;
import io.dbosj.internal.db.SystemTables.Migrations;
import io.dbosj.internal.db.SystemTables.Notifications;
import io.dbosj.internal.db.SystemTables.OperationOutputs;
import io.dbosj.internal.db.SystemTables.Streams;
import io.dbosj.internal.db.SystemTables.WorkflowEvents;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Creates and upgrades the system database: numbered migrations, each applied once, recorded in
 * {@code dbos_migrations}, all inside one transaction that holds a lock so that processes
 * launching together migrate once. Written once with jOOQ for PostgreSQL and SQLite (in {@link
 * SystemSqlRendering}) and run as the text it renders to, {@link SystemSql.Migrations}.
 */
public final class SchemaMigrations {
  private static final long POSTGRES_LOCK_KEY = 0x64626f736a4d4947L;

  /** What each version adds; version {@code i + 1} is {@code DESCRIPTIONS.get(i)}. */
  private static final List<String> DESCRIPTIONS =
      List.of("workflow status, step outputs, messages, events, streams");

  private SchemaMigrations() {}

  /** The newest schema version this library knows. */
  public static long latestVersion() {
    return DESCRIPTIONS.size();
  }

  /** Applies every migration the database lacks; returns the schema version it is now at. */
  public static long migrate(SystemDatabase db) {
    return migrate(db, false);
  }

  /**
   * {@link #migrate(SystemDatabase)}, and if {@code withTransactionOutputs}, also creates {@code
   * transaction_outputs} (see {@link TransactionOutputStore#createTable(SystemDatabase)}) in the
   * same transaction: one commit instead of two when the application database is this one.
   */
  public static long migrate(SystemDatabase db, boolean withTransactionOutputs) {
    boolean postgres = db.isPostgres();
    SystemSql.Migrations sql = SystemSql.of(postgres).migrations();
    return db.inTransaction(
        connection -> {
          long current =
              postgres
                  ? lockAndReadVersion(connection, sql, withTransactionOutputs)
                  : createAndReadVersion(connection, sql);
          if (current > latestVersion()) {
            throw new DbosException(
                "the system database "
                    + db.url()
                    + " is at schema version "
                    + current
                    + ", newer than this io.dbosj knows ("
                    + latestVersion()
                    + "); upgrade io.dbosj or point it at another database");
          }
          // every missing version, its record, and transaction_outputs: one batch, one round trip
          List<String> statements = new ArrayList<>();
          for (long version = current + 1; version <= latestVersion(); version++) {
            statements.addAll(sql.versions().get((int) version - 1));
            statements.add(insertVersion(sql, version));
          }
          if (withTransactionOutputs) {
            statements.addAll(SystemSql.of(postgres).transactionOutputs().create());
          }
          // ours, outside DBOS's numbered versions: created if missing, at every launch
          statements.addAll(SystemSql.of(postgres).executors().create());
          if (!statements.isEmpty()) {
            execute(connection, statements);
          }
          return Math.max(current, latestVersion());
        });
  }

  /**
   * On PostgreSQL, in one round trip: takes the migration lock (and {@code transaction_outputs}'
   * lock too if {@code withTransactionOutputs}, in that order, as {@link TransactionOutputStore}
   * takes it alone), creates the version table if missing, and reads the current version.
   */
  private static long lockAndReadVersion(Connection c, SystemSql.Migrations sql, boolean withTransactionOutputs)
      throws SQLException {
    StringBuilder script = new StringBuilder();
    script.append("select pg_advisory_xact_lock(").append(POSTGRES_LOCK_KEY).append(");\n");
    if (withTransactionOutputs) {
      script.append("select pg_advisory_xact_lock(").append(TransactionOutputStore.POSTGRES_LOCK_KEY).append(");\n");
    }
    for (String statement : sql.createMigrationsTable()) {
      script.append(statement).append(";\n");
    }
    script.append(sql.selectVersion());
    try (Statement s = c.createStatement()) {
      Object last = null;
      for (boolean isResultSet = s.execute(script.toString());
          isResultSet || s.getUpdateCount() != -1;
          isResultSet = s.getMoreResults()) {
        if (isResultSet) {
          try (ResultSet rs = s.getResultSet()) {
            last = rs.next() ? rs.getObject(1) : null;
          }
        }
      }
      return last == null ? 0 : ((Number) last).longValue();
    }
  }

  /** On SQLite (a single writer, no lock needed): creates the version table if missing and reads the version. */
  private static long createAndReadVersion(Connection c, SystemSql.Migrations sql) throws SQLException {
    execute(c, sql.createMigrationsTable());
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql.selectVersion())) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The statement that records {@code version}, with the number in its text so it can join a batch. */
  private static String insertVersion(SystemSql.Migrations sql, long version) {
    return sql.insertVersion().replace("?", Long.toString(version));
  }

  /** Takes a PostgreSQL advisory lock held until the transaction on {@code c} ends. */
  static void lock(Connection c, long key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
      s.setLong(1, key);
      s.execute();
    }
  }

  /** Runs these statements, which take no bind values, in order, as one batch. */
  static void execute(Connection c, List<String> statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.addBatch(statement);
      }
      s.executeBatch();
    }
  }

  /** Drops every system table (the whole {@code dbos} schema on PostgreSQL): all records go. */
  public static void reset(SystemDatabase db) {
    db.inTransaction(
        connection -> {
          DSLContext dsl = db.dsl(connection);
          if (db.isPostgres()) {
            dsl.dropSchemaIfExists(SystemTables.SCHEMA).cascade().execute();
          } else {
            for (org.jooq.Table<?> table :
                List.of(Streams.TABLE, WorkflowEvents.TABLE, Notifications.TABLE, OperationOutputs.TABLE,
                    SystemTables.TransactionOutputs.TABLE, WorkflowStatus.TABLE, Migrations.TABLE,
                    SystemTables.Executors.TABLE)) {
              dsl.dropTableIfExists(table).execute();
            }
          }
          return null;
        });
  }
}
