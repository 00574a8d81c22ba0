package io.dbosj.internal.db;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.val;

import io.dbosj.internal.db.SystemTables.TransactionOutputs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;

/**
 * Owns {@code transaction_outputs} in the application database. Reads and writes run on the
 * caller's connection, inside the user's transaction, which is what makes a transaction's effects
 * and its record commit (or roll back) together.
 */
public final class TransactionOutputStore {
  private static final long POSTGRES_LOCK_KEY = 0x64626f736a545854L;

  /** An outcome as recorded: its function name, and its output or error. */
  public record Recorded(String functionName, String output, String error) {}

  private final SystemDatabase db;
  private final String select;
  private final String insert;

  public TransactionOutputStore(SystemDatabase db) {
    this.db = db;
    DSLContext sql = db.renderer();
    this.select =
        sql.select(TransactionOutputs.FUNCTION_NAME, TransactionOutputs.OUTPUT, TransactionOutputs.ERROR)
            .from(TransactionOutputs.TABLE)
            .where(TransactionOutputs.WORKFLOW_UUID.eq(val(null, TransactionOutputs.WORKFLOW_UUID)))
            .and(TransactionOutputs.FUNCTION_ID.eq(val(null, TransactionOutputs.FUNCTION_ID)))
            .getSQL();
    this.insert =
        sql.insertInto(TransactionOutputs.TABLE)
            .columns(
                TransactionOutputs.WORKFLOW_UUID,
                TransactionOutputs.FUNCTION_ID,
                TransactionOutputs.FUNCTION_NAME,
                TransactionOutputs.OUTPUT,
                TransactionOutputs.ERROR,
                TransactionOutputs.EXECUTOR_ID,
                TransactionOutputs.CREATED_AT)
            .values(
                val(null, TransactionOutputs.WORKFLOW_UUID),
                val(null, TransactionOutputs.FUNCTION_ID),
                val(null, TransactionOutputs.FUNCTION_NAME),
                val(null, TransactionOutputs.OUTPUT),
                val(null, TransactionOutputs.ERROR),
                val(null, TransactionOutputs.EXECUTOR_ID),
                val(null, TransactionOutputs.CREATED_AT))
            .onConflictDoNothing()
            .getSQL();
  }

  /** Creates {@code transaction_outputs} in the application database if it is missing. */
  public static void createTable(SystemDatabase db) {
    db.inTransaction(
        c -> {
          DSLContext dsl = db.dsl(c);
          if (db.isPostgres()) {
            dsl.execute("select pg_advisory_xact_lock(?)", POSTGRES_LOCK_KEY);
            dsl.createSchemaIfNotExists(SystemTables.SCHEMA).execute();
          }
          dsl.createTableIfNotExists(TransactionOutputs.TABLE)
              .column(TransactionOutputs.WORKFLOW_UUID, SQLDataType.CLOB.nullable(false))
              .column(TransactionOutputs.FUNCTION_ID, SQLDataType.INTEGER.nullable(false))
              .column(TransactionOutputs.OUTPUT, SQLDataType.CLOB)
              .column(TransactionOutputs.ERROR, SQLDataType.CLOB)
              .column(TransactionOutputs.TXN_ID, SQLDataType.CLOB)
              .column(TransactionOutputs.TXN_SNAPSHOT, SQLDataType.CLOB)
              .column(TransactionOutputs.EXECUTOR_ID, SQLDataType.CLOB)
              .column(TransactionOutputs.FUNCTION_NAME, SQLDataType.CLOB.nullable(false).defaultValue(""))
              .column(TransactionOutputs.CREATED_AT, SQLDataType.BIGINT.nullable(false))
              .constraints(
                  constraint("transaction_outputs_pkey")
                      .primaryKey(TransactionOutputs.WORKFLOW_UUID, TransactionOutputs.FUNCTION_ID))
              .execute();
          return null;
        });
  }

  /** Copies the transactions of {@code fromWorkflow} numbered below {@code before}, for a fork. */
  public int copy(String fromWorkflow, String toWorkflow, int before) {
    return db.withConnection(
        c ->
            db.dsl(c)
                .insertInto(TransactionOutputs.TABLE)
                .columns(
                    TransactionOutputs.WORKFLOW_UUID,
                    TransactionOutputs.FUNCTION_ID,
                    TransactionOutputs.FUNCTION_NAME,
                    TransactionOutputs.OUTPUT,
                    TransactionOutputs.ERROR,
                    TransactionOutputs.EXECUTOR_ID,
                    TransactionOutputs.CREATED_AT)
                .select(
                    org.jooq.impl.DSL.select(
                            org.jooq.impl.DSL.val(toWorkflow),
                            TransactionOutputs.FUNCTION_ID,
                            TransactionOutputs.FUNCTION_NAME,
                            TransactionOutputs.OUTPUT,
                            TransactionOutputs.ERROR,
                            TransactionOutputs.EXECUTOR_ID,
                            TransactionOutputs.CREATED_AT)
                        .from(TransactionOutputs.TABLE)
                        .where(TransactionOutputs.WORKFLOW_UUID.eq(fromWorkflow))
                        .and(TransactionOutputs.FUNCTION_ID.lt(before)))
                .execute());
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
            ? Optional.of(new Recorded(rs.getString(1), rs.getString(2), rs.getString(3)))
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
