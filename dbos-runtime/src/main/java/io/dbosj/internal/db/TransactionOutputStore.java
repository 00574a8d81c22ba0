package io.dbosj.internal.db;

import io.dbosj.internal.db.SystemTables.TransactionOutputs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Owns {@code transaction_outputs} in the application database. Reads and writes run on the
 * caller's connection, inside the user's transaction, which is what makes a transaction's effects
 * and its record commit (or roll back) together.
 */
public final class TransactionOutputStore {
  static final long POSTGRES_LOCK_KEY = 0x64626f736a545854L;

  /** An outcome as recorded: its function name, its output or error, and when it committed. */
  public record Recorded(String functionName, String output, String error, long createdAt) {}

  private final SystemDatabase db;
  private final String select;
  private final String insert;

  public TransactionOutputStore(SystemDatabase db) {
    this.db = db;
    SystemSql.TransactionOutputs sql = SystemSql.of(db.isPostgres()).transactionOutputs();
    this.select = sql.select();
    this.insert = sql.insert();
  }

  /** Creates {@code transaction_outputs} in the application database if it is missing. */
  public static void createTable(SystemDatabase db) {
    db.inTransaction(
        c -> {
          createTable(c, db.isPostgres());
          return null;
        });
  }

  /** Creates {@code transaction_outputs} if it is missing, in the transaction on {@code c}. */
  static void createTable(Connection c, boolean postgres) throws SQLException {
    if (postgres) {
      SchemaMigrations.lock(c, POSTGRES_LOCK_KEY);
    }
    SchemaMigrations.execute(c, SystemSql.of(postgres).transactionOutputs().create());
  }

  /**
   * Copies the transactions of {@code fromWorkflow} numbered below {@code before}, for a fork,
   * on {@code c}; a record the fork already has is kept.
   */
  public int copy(Connection c, String fromWorkflow, String toWorkflow, int before) {
    return db.dsl(c)
        .insertInto(TransactionOutputs.TABLE)
        .columns(TransactionOutputs.RECORD_COLUMNS)
        .select(
            org.jooq.impl.DSL.select(copiedColumns(toWorkflow))
                .from(TransactionOutputs.TABLE)
                .where(TransactionOutputs.WORKFLOW_UUID.eq(fromWorkflow))
                .and(TransactionOutputs.FUNCTION_ID.lt(before)))
        .onConflictDoNothing()
        .execute();
  }

  /** {@link #copy(Connection, String, String, int)} in a transaction of its own. */
  public int copy(String fromWorkflow, String toWorkflow, int before) {
    return db.inTransaction(c -> copy(c, fromWorkflow, toWorkflow, before));
  }

  /** The record columns, with the workflow ID replaced by {@code toWorkflow}. */
  private static java.util.List<org.jooq.Field<?>> copiedColumns(String toWorkflow) {
    java.util.List<org.jooq.Field<?>> columns = new java.util.ArrayList<>(TransactionOutputs.RECORD_COLUMNS);
    columns.set(0, org.jooq.impl.DSL.val(toWorkflow));
    return columns;
  }

  /** Every recorded transaction of a workflow: function ID, name, output, error. */
  public java.util.List<StepRecord> all(String workflowId) {
    return db.withConnection(
        c ->
            db.dsl(c)
                .select(
                    TransactionOutputs.FUNCTION_ID,
                    TransactionOutputs.FUNCTION_NAME,
                    TransactionOutputs.OUTPUT,
                    TransactionOutputs.ERROR,
                    TransactionOutputs.CREATED_AT)
                .from(TransactionOutputs.TABLE)
                .where(TransactionOutputs.WORKFLOW_UUID.eq(workflowId))
                .fetch(
                    r ->
                        new StepRecord(
                            workflowId,
                            r.value1(),
                            r.value2(),
                            r.value3(),
                            r.value4(),
                            null,
                            r.value5(),
                            r.value5())));
  }

  public SystemDatabase database() {
    return db;
  }

  /** What is recorded for operation {@code functionId} of the workflow, read on {@code c}. */
  public Optional<Recorded> find(Connection c, String workflowId, int functionId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(select)) {
      Jdbc.bind(s, workflowId, functionId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(new Recorded(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
            : Optional.empty();
      }
    }
  }

  /** Records an outcome on {@code c}; {@code false} if one is already recorded there. */
  public boolean record(
      Connection c,
      String workflowId,
      int functionId,
      String functionName,
      String output,
      String error,
      String executorId,
      long now)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(insert)) {
      Jdbc.bind(s, workflowId, functionId, functionName, output, error, executorId, now);
      return s.executeUpdate() == 1;
    }
  }
}
