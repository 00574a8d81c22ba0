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
 * Creates and upgrades the system database to DBOS Transact TS 5.3's layout, recording DBOS's
 * migration number {@value #DBOS_VERSION} in {@code dbos_migrations} as DBOS does (one row), so
 * DBOS's tools find nothing to migrate. An empty database gets the whole layout; one at
 * io.dbosj's first version (1) is upgraded in place; one DBOS made (DBOS Java 1.1 records 41,
 * DBOS TS 5.3 {@value #DBOS_VERSION}, a newer DBOS more) is left as DBOS has it, accepted when
 * the tables and columns io.dbosj uses are there. All in one transaction that holds a lock, so
 * processes launching together migrate once. Written once with jOOQ for PostgreSQL and SQLite
 * (in {@link SchemaSqlRendering}) and run as the text it renders to, {@link SystemSql.Migrations}.
 */
public final class SchemaMigrations {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SchemaMigrations.class);
  private static final long POSTGRES_LOCK_KEY = 0x64626f736a4d4947L;

  /** DBOS TS 5.3's migration number: the layout io.dbosj creates, and the version it records. */
  public static final long DBOS_VERSION = 123;

  /** The version io.dbosj's first layout recorded, which {@link #migrate} upgrades. */
  static final long IO_DBOSJ_VERSION_1 = 1;

  private SchemaMigrations() {}

  /** The schema version this library creates and upgrades to. */
  public static long latestVersion() {
    return DBOS_VERSION;
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
    long version =
        db.inTransaction(
            connection -> {
              long current =
                  postgres
                      ? lockAndReadVersion(connection, sql, withTransactionOutputs)
                      : createAndReadVersion(connection, sql);
              // the migration, its record, transaction_outputs and ours: one batch, one round trip
              List<String> statements = new ArrayList<>();
              if (current == 0) {
                statements.addAll(sql.create());
                statements.add(sql.insertVersion());
                db.useLayout(SchemaLayout.DBOS_TS);
              } else if (current == IO_DBOSJ_VERSION_1) {
                statements.addAll(sql.upgradeFromVersion1());
                statements.add(sql.updateVersion());
                db.useLayout(SchemaLayout.DBOS_TS);
              } else {
                db.useLayout(acceptMadeByDbos(db, connection, sql, current));
              }
              if (withTransactionOutputs) {
                statements.addAll(SystemSql.of(postgres).transactionOutputs().create());
              }
              // ours, outside DBOS's numbered versions: created if missing, at every launch
              statements.addAll(SystemSql.of(postgres).executors().create());
              statements.addAll(SystemSql.of(postgres).queues().createRegistrations());
              execute(connection, statements);
              return current <= IO_DBOSJ_VERSION_1 ? DBOS_VERSION : current;
            });
    return version;
  }

  /**
   * For a user that must not change the schema (the CLI's reads, {@code DBOSClient}): checks that
   * the database has a layout io.dbosj can use and chooses the SQL for it; returns its version.
   *
   * @throws DbosException naming what is missing and how to get it, if anything is
   */
  public static long check(SystemDatabase db) {
    SystemSql.Migrations sql = SystemSql.of(db.isPostgres()).migrations();
    return db.withConnection(
        connection -> {
          long current = readVersionIfAny(connection, db, sql);
          if (current == 0) {
            throw new DbosException(
                "the system database " + db.url() + " has no DBOS schema yet (no dbos_migrations version):"
                    + " launch the application once, or run 'dbos migrate', to create it");
          }
          if (current == IO_DBOSJ_VERSION_1) {
            throw new DbosException(
                "the system database " + db.url() + " is at io.dbosj's first schema version (1), older than"
                    + " DBOS's layout this io.dbosj reads (" + DBOS_VERSION + "): launch the application"
                    + " once, or run 'dbos migrate', to upgrade it in place");
          }
          db.useLayout(current == DBOS_VERSION ? SchemaLayout.DBOS_TS : acceptMadeByDbos(db, connection, sql, current));
          return current;
        });
  }

  /**
   * A database whose version DBOS wrote: probed for the tables and columns io.dbosj uses, and
   * left as DBOS has it (DBOS's own tools migrate it; DBOS Java reads the newest version row).
   */
  private static SchemaLayout acceptMadeByDbos(SystemDatabase db, Connection c, SystemSql.Migrations sql, long version)
      throws SQLException {
    if (version == DBOS_VERSION) {
      return SchemaLayout.DBOS_TS;
    }
    SchemaLayout layout = SchemaLayout.probe(c, sql.selectColumns());
    List<String> missing = layout.missing();
    if (!missing.isEmpty()) {
      throw new DbosException(
          "the system database " + db.url() + " is at schema version " + version + " and lacks "
              + String.join(", ", missing) + ", which io.dbosj reads and writes: migrate it with the DBOS"
              + " version that made it (DBOS TS 5.3 is at " + DBOS_VERSION + "), or point io.dbosj at another database");
    }
    if (version > DBOS_VERSION) {
      log.warn(
          "the system database {} is at schema version {}, newer than this io.dbosj knows ({}); it has every"
              + " table and column io.dbosj uses, so io.dbosj runs on it unchanged",
          db.url(), version, DBOS_VERSION);
    }
    return layout;
  }

  private static long readVersionIfAny(Connection c, SystemDatabase db, SystemSql.Migrations sql) throws SQLException {
    boolean hasTable;
    String probe =
        db.isPostgres()
            ? "select to_regclass('" + SystemTables.SCHEMA + ".dbos_migrations') is not null"
            : "select count(*) > 0 from sqlite_master where type = 'table' and name = 'dbos_migrations'";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(probe)) {
      rs.next();
      hasTable = rs.getBoolean(1);
    }
    if (!hasTable) {
      return 0;
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql.selectVersion())) {
      return rs.next() ? rs.getLong(1) : 0;
    }
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
      if (!statements.isEmpty()) {
        s.executeBatch();
      }
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
                List.of(Streams.TABLE, WorkflowEvents.TABLE, SystemTables.WorkflowEventsHistory.TABLE,
                    Notifications.TABLE, OperationOutputs.TABLE, SystemTables.WorkflowInput.TABLE,
                    SystemTables.WorkflowOutput.TABLE, SystemTables.TransactionOutputs.TABLE, WorkflowStatus.TABLE,
                    SystemTables.ApplicationVersions.TABLE, SystemTables.EventDispatchKv.TABLE,
                    SystemTables.Queues.TABLE, SystemTables.WorkflowSchedules.TABLE, Migrations.TABLE,
                    SystemTables.Executors.TABLE)) {
              dsl.dropTableIfExists(table).execute();
            }
          }
          return null;
        });
  }
}
