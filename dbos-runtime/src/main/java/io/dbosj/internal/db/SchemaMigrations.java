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
    SystemSql.Migrations sql = SystemSql.of(db.isPostgres()).migrations();
    return db.inTransaction(
        connection -> {
          if (db.isPostgres()) {
            lock(connection, POSTGRES_LOCK_KEY);
          }
          execute(connection, sql.createMigrationsTable());
          long current;
          try (Statement s = connection.createStatement();
              ResultSet rs = s.executeQuery(sql.selectVersion())) {
            rs.next();
            current = rs.getLong(1);
          }
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
          for (long version = current + 1; version <= latestVersion(); version++) {
            execute(connection, sql.versions().get((int) version - 1));
            try (PreparedStatement insert = connection.prepareStatement(sql.insertVersion())) {
              insert.setLong(1, version);
              insert.executeUpdate();
            }
            current = version;
          }
          if (withTransactionOutputs) {
            TransactionOutputStore.createTable(connection, db.isPostgres());
          }
          return current;
        });
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
                    SystemTables.TransactionOutputs.TABLE, WorkflowStatus.TABLE, Migrations.TABLE)) {
              dsl.dropTableIfExists(table).execute();
            }
          }
          return null;
        });
  }
}
