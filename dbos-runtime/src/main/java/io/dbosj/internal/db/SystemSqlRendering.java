package io.dbosj.internal.db;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import io.dbosj.WorkflowState;
import io.dbosj.internal.db.SystemTables.OperationOutputs;
import io.dbosj.internal.db.SystemTables.TransactionOutputs;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import io.dbosj.internal.serde.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.SelectJoinStep;
import org.jooq.SelectField;
import org.jooq.SelectForUpdateStep;
import org.jooq.SelectLimitPercentStep;
import org.jooq.impl.SQLDataType;

/**
 * The definition, with jOOQ over {@link SystemTables}, of every statement in {@link SystemSql}:
 * change SQL here, then regenerate {@link RenderedSql} with {@code ./mvnw -pl dbos-runtime test
 * -Dtest=SystemSqlTest -Ddbosj.renderSql=true}. Nothing calls this at run time.
 */
final class SystemSqlRendering {
  private SystemSqlRendering() {}

  /** The statements, rendered for PostgreSQL or SQLite, for DBOS TS 5.3's layout. */
  static SystemSql render(boolean postgres) {
    return render(postgres, true);
  }

  /** The statements, rendered for PostgreSQL or SQLite, reading payload tables or not. */
  static SystemSql render(boolean postgres, boolean payloadTables) {
    DSLContext sql = SystemDatabase.renderer(postgres);
    List<Field<?>> row = WorkflowStatus.rowColumns(payloadTables);
    return new SystemSql(
        workflows(sql, postgres, row, payloadTables), steps(sql), QueueSqlRendering.queues(sql, postgres, row, payloadTables), transactionOutputs(sql, postgres), SchemaSqlRendering.migrations(sql, postgres),
        ExecutorSqlRendering.executors(sql, postgres), MessagingSqlRendering.messaging(sql, postgres),
        CommunicationSqlRendering.communications(sql), RetentionSqlRendering.retention(sql, postgres, payloadTables),
        OutcomeSqlRendering.outcomes(sql, row), ScheduleSqlRendering.schedules(sql, postgres));
  }

  private static SystemSql.Workflows workflows(
      DSLContext sql, boolean postgres, List<Field<?>> row, boolean payloadTables) {
    // serialization is bound: a fork keeps its original's, whose inputs it copies
    List<Field<?>> newRow = concat(binds(WorkflowStatus.NEW_ROW_COLUMNS), inline(1L, WorkflowStatus.RECOVERY_ATTEMPTS));
    List<Field<?>> newRowColumns = concat(WorkflowStatus.NEW_ROW_COLUMNS, WorkflowStatus.RECOVERY_ATTEMPTS);
    String insertPending =
        sql.insertInto(WorkflowStatus.TABLE).columns(newRowColumns).values(newRow).onConflictDoNothing().getSQL();
    // PostgreSQL holds a notification until its transaction commits and sends it only then, once
    // per queue however many rows the transaction enqueued
    String insertEnqueued =
        postgres
            ? sql.insertInto(WorkflowStatus.TABLE)
                .columns(newRowColumns)
                .select(
                    select(newRow)
                        .from(
                            select(field("pg_notify({0}, {1})", Object.class, inline(QueueStore.CHANNEL), val("")))
                                .asTable("notified")))
                .onConflictDoNothing()
                .getSQL()
            : insertPending;
    String selectById =
        sql.select(row)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .getSQL();
    String complete =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.STATUS, val(null, WorkflowStatus.STATUS))
            .set(WorkflowStatus.OUTPUT, val(null, WorkflowStatus.OUTPUT))
            .set(WorkflowStatus.ERROR, val(null, WorkflowStatus.ERROR))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            .set(WorkflowStatus.COMPLETED_AT, val(null, WorkflowStatus.COMPLETED_AT))
            .set(WorkflowStatus.DEDUPLICATION_ID, inline((String) null, WorkflowStatus.DEDUPLICATION_ID))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .and(WorkflowStatus.STATUS.eq(val(null, WorkflowStatus.STATUS)))
            .getSQL();
    String requeue =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.STATUS, inline(WorkflowState.ENQUEUED.name(), WorkflowStatus.STATUS))
            .set(WorkflowStatus.STARTED_AT_EPOCH_MS, inline((Long) null, WorkflowStatus.STARTED_AT_EPOCH_MS))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .and(WorkflowStatus.STATUS.eq(inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS)))
            .getSQL();
    String selectQueued =
        sql.select(row)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.QUEUE_NAME.isNotNull())
            .and(
                WorkflowStatus.STATUS.in(
                    inline(WorkflowState.ENQUEUED.name(), WorkflowStatus.STATUS),
                    inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS),
                    inline(WorkflowState.DELAYED.name(), WorkflowStatus.STATUS)))
            .orderBy(WorkflowStatus.PRIORITY, WorkflowStatus.CREATED_AT)
            .getSQL();
    String selectLastScheduledInputs =
        sql.select(
                payloadTables
                    ? WorkflowStatus.fromPayloadTable(SystemTables.WorkflowInput.TABLE, WorkflowStatus.INPUTS)
                    : WorkflowStatus.INPUTS,
                WorkflowStatus.SERIALIZATION)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.CLASS_NAME.eq(val(null, WorkflowStatus.CLASS_NAME)))
            .and(WorkflowStatus.CONFIG_NAME.eq(val(null, WorkflowStatus.CONFIG_NAME)))
            .and(WorkflowStatus.NAME.eq(val(null, WorkflowStatus.NAME)))
            .and(WorkflowStatus.WORKFLOW_UUID.like(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .orderBy(WorkflowStatus.CREATED_AT.desc())
            .limit(inline(1))
            .getSQL();
    String cancel =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.STATUS, inline(WorkflowState.CANCELLED.name(), WorkflowStatus.STATUS))
            .set(WorkflowStatus.DEDUPLICATION_ID, inline((String) null, WorkflowStatus.DEDUPLICATION_ID))
            // no execution owns it any more, as DBOS's cancel leaves it
            .set(WorkflowStatus.OWNER_XID, inline((String) null, WorkflowStatus.OWNER_XID))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            .set(WorkflowStatus.COMPLETED_AT, val(null, WorkflowStatus.COMPLETED_AT))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .and(
                WorkflowStatus.STATUS.in(
                    inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS),
                    inline(WorkflowState.ENQUEUED.name(), WorkflowStatus.STATUS),
                    inline(WorkflowState.DELAYED.name(), WorkflowStatus.STATUS)))
            .getSQL();
    String reassign =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.EXECUTOR_ID, val(null, WorkflowStatus.EXECUTOR_ID))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .and(WorkflowStatus.EXECUTOR_ID.eq(val(null, WorkflowStatus.EXECUTOR_ID)))
            .and(WorkflowStatus.STATUS.eq(inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS)))
            .getSQL();
    String resume =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.STATUS, inline(WorkflowState.ENQUEUED.name(), WorkflowStatus.STATUS))
            .set(WorkflowStatus.QUEUE_NAME, val(null, WorkflowStatus.QUEUE_NAME))
            .set(WorkflowStatus.RECOVERY_ATTEMPTS, inline(0L, WorkflowStatus.RECOVERY_ATTEMPTS))
            .set(WorkflowStatus.STARTED_AT_EPOCH_MS, inline((Long) null, WorkflowStatus.STARTED_AT_EPOCH_MS))
            .set(WorkflowStatus.DEDUPLICATION_ID, inline((String) null, WorkflowStatus.DEDUPLICATION_ID))
            .set(WorkflowStatus.ERROR, inline((String) null, WorkflowStatus.ERROR))
            // the timeout starts again when the resumed workflow is dequeued, as in DBOS
            .set(WorkflowStatus.WORKFLOW_DEADLINE_EPOCH_MS, inline((Long) null, WorkflowStatus.WORKFLOW_DEADLINE_EPOCH_MS))
            .set(WorkflowStatus.OWNER_XID, inline((String) null, WorkflowStatus.OWNER_XID))
            .set(WorkflowStatus.COMPLETED_AT, inline((Long) null, WorkflowStatus.COMPLETED_AT))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .and(WorkflowStatus.STATUS.ne(inline(WorkflowState.SUCCESS.name(), WorkflowStatus.STATUS)))
            .getSQL();
    String selectPendingOfExecutor =
        sql.select(row)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.STATUS.eq(val(null, WorkflowStatus.STATUS)))
            .and(WorkflowStatus.EXECUTOR_ID.eq(val(null, WorkflowStatus.EXECUTOR_ID)))
            .and(RunnableScopeSql.runnable(postgres))
            .orderBy(WorkflowStatus.CREATED_AT)
            .getSQL();
    String selectStrandedOfExecutor =
        sql.select(row)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.STATUS.eq(inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS)))
            .and(WorkflowStatus.EXECUTOR_ID.eq(val(null, WorkflowStatus.EXECUTOR_ID)))
            .and(RunnableScopeSql.stranded(postgres))
            .orderBy(WorkflowStatus.CREATED_AT)
            .getSQL();
    String countRecoveryAttempt =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.RECOVERY_ATTEMPTS, WorkflowStatus.RECOVERY_ATTEMPTS.plus(inline(1L)))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .and(WorkflowStatus.STATUS.eq(val(null, WorkflowStatus.STATUS)))
            .getSQL();
    String markForkedFrom =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.WAS_FORKED_FROM, inline(true, WorkflowStatus.WAS_FORKED_FROM))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .getSQL();
    String selectChildIds =
        sql.select(WorkflowStatus.WORKFLOW_UUID)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.PARENT_WORKFLOW_ID.eq(val(null, WorkflowStatus.PARENT_WORKFLOW_ID)))
            .getSQL();
    List<Field<String>> someIds = new ArrayList<>();
    for (int i = 0; i < SystemSql.Workflows.CANCELLED_AMONG_WIDTH; i++) {
      someIds.add(val(null, WorkflowStatus.WORKFLOW_UUID));
    }
    String selectCancelledAmong =
        sql.select(WorkflowStatus.WORKFLOW_UUID)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.WORKFLOW_UUID.in(someIds))
            .and(WorkflowStatus.STATUS.eq(inline(WorkflowState.CANCELLED.name(), WorkflowStatus.STATUS)))
            .getSQL();
    String selectDeduplicated =
        sql.select(row)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.QUEUE_NAME.eq(val(null, WorkflowStatus.QUEUE_NAME)))
            .and(WorkflowStatus.DEDUPLICATION_ID.eq(val(null, WorkflowStatus.DEDUPLICATION_ID)))
            .getSQL();
    String setDelay =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.DELAY_UNTIL_EPOCH_MS, val(null, WorkflowStatus.DELAY_UNTIL_EPOCH_MS))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .and(WorkflowStatus.STATUS.eq(inline(WorkflowState.DELAYED.name(), WorkflowStatus.STATUS)))
            .getSQL();
    // DBOS Java 1.1's layout, the one without payload tables, has no debounce columns: no debouncing there
    String markDebounced =
        !payloadTables
            ? null
            : sql.update(WorkflowStatus.TABLE)
                .set(WorkflowStatus.IS_DEBOUNCED, inline(true, WorkflowStatus.IS_DEBOUNCED))
                .set(WorkflowStatus.DEBOUNCE_DEADLINE_EPOCH_MS, val(null, WorkflowStatus.DEBOUNCE_DEADLINE_EPOCH_MS))
                .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
                .and(WorkflowStatus.STATUS.eq(inline(WorkflowState.DELAYED.name(), WorkflowStatus.STATUS)))
                .and(WorkflowStatus.DEDUPLICATION_ID.eq(val(null, WorkflowStatus.DEDUPLICATION_ID)))
                .getSQL();
    String bounce =
        !payloadTables
            ? null
            : sql.update(WorkflowStatus.TABLE)
                .set(WorkflowStatus.INPUTS, val(null, WorkflowStatus.INPUTS))
                .set(WorkflowStatus.SERIALIZATION, val(null, WorkflowStatus.SERIALIZATION))
                .set(
                    WorkflowStatus.DELAY_UNTIL_EPOCH_MS,
                    when(
                            WorkflowStatus.DEBOUNCE_DEADLINE_EPOCH_MS.lt(val(null, WorkflowStatus.DELAY_UNTIL_EPOCH_MS)),
                            WorkflowStatus.DEBOUNCE_DEADLINE_EPOCH_MS)
                        .else_(val(null, WorkflowStatus.DELAY_UNTIL_EPOCH_MS)))
                .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
                .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
                .and(WorkflowStatus.STATUS.eq(inline(WorkflowState.DELAYED.name(), WorkflowStatus.STATUS)))
                .and(WorkflowStatus.IS_DEBOUNCED.isTrue())
                .getSQL();
    // where DBOS TS keeps inputs, read before workflow_status's: a bounce's inputs must be the ones read
    String clearInputPayload =
        !payloadTables
            ? null
            : sql.deleteFrom(SystemTables.WorkflowInput.TABLE)
                .where(SystemTables.WorkflowInput.WORKFLOW_UUID.eq(val(null, SystemTables.WorkflowInput.WORKFLOW_UUID)))
                .getSQL();
    return new SystemSql.Workflows(
        insertPending,
        insertEnqueued,
        selectById,
        complete,
        requeue,
        selectQueued,
        selectLastScheduledInputs,
        cancel,
        reassign,
        resume,
        selectPendingOfExecutor,
        selectStrandedOfExecutor,
        countRecoveryAttempt,
        markForkedFrom,
        selectChildIds,
        selectCancelledAmong,
        selectDeduplicated,
        setDelay,
        markDebounced,
        bounce,
        clearInputPayload);
  }

  private static SystemSql.Steps steps(DSLContext sql) {
    String insert =
        sql.insertInto(OperationOutputs.TABLE)
            .columns(OperationOutputs.RECORD_COLUMNS)
            .select(
                select(
                        concat(
                            binds(OperationOutputs.RECORD_COLUMNS.subList(0, OperationOutputs.RECORD_COLUMNS.size() - 1)),
                            inline(JsonCodec.FORMAT, OperationOutputs.SERIALIZATION)))
                    .where(
                        exists(
                            selectOne()
                                .from(WorkflowStatus.TABLE)
                                .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
                                .and(
                                    WorkflowStatus.STATUS.eq(
                                        inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS))))))
            .onConflictDoNothing()
            .getSQL();
    var columns =
        selectStepRecords(sql)
            .where(OperationOutputs.WORKFLOW_UUID.eq(val(null, OperationOutputs.WORKFLOW_UUID)));
    String selectAll = columns.orderBy(OperationOutputs.FUNCTION_ID).getSQL();
    String selectAllOfPending =
        selectStepRecords(sql)
            .where(
                OperationOutputs.WORKFLOW_UUID.in(
                    select(WorkflowStatus.WORKFLOW_UUID)
                        .from(WorkflowStatus.TABLE)
                        .where(
                            WorkflowStatus.STATUS.eq(
                                inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS)))
                        .and(WorkflowStatus.EXECUTOR_ID.eq(val(null, WorkflowStatus.EXECUTOR_ID)))))
            .getSQL();
    String copy =
        sql.insertInto(OperationOutputs.TABLE)
            .columns(OperationOutputs.RECORD_COLUMNS)
            .select(
                select(
                        val(null, OperationOutputs.WORKFLOW_UUID),
                        OperationOutputs.FUNCTION_ID,
                        OperationOutputs.FUNCTION_NAME,
                        OperationOutputs.OUTPUT,
                        OperationOutputs.ERROR,
                        OperationOutputs.CHILD_WORKFLOW_ID,
                        OperationOutputs.STARTED_AT_EPOCH_MS,
                        OperationOutputs.COMPLETED_AT_EPOCH_MS,
                        OperationOutputs.SERIALIZATION)
                    .from(OperationOutputs.TABLE)
                    .where(OperationOutputs.WORKFLOW_UUID.eq(val(null, OperationOutputs.WORKFLOW_UUID)))
                    .and(OperationOutputs.FUNCTION_ID.lt(val(null, OperationOutputs.FUNCTION_ID))))
            .getSQL();
    String selectOne =
        columns.and(OperationOutputs.FUNCTION_ID.eq(val(null, OperationOutputs.FUNCTION_ID))).getSQL();
    String repointChild =
        sql.update(OperationOutputs.TABLE)
            .set(OperationOutputs.CHILD_WORKFLOW_ID, val(null, OperationOutputs.CHILD_WORKFLOW_ID))
            .where(OperationOutputs.WORKFLOW_UUID.eq(val(null, OperationOutputs.WORKFLOW_UUID)))
            .and(OperationOutputs.CHILD_WORKFLOW_ID.eq(val(null, OperationOutputs.CHILD_WORKFLOW_ID)))
            .getSQL();
    return new SystemSql.Steps(insert, selectAll, selectAllOfPending, copy, selectOne, repointChild);
  }

  /** The columns of a {@link StepRecord}, in the order {@code StepStore.read} reads them. */
  static SelectJoinStep<?> selectStepRecords(DSLContext sql) {
    return sql.select(
            OperationOutputs.WORKFLOW_UUID,
            OperationOutputs.FUNCTION_ID,
            OperationOutputs.FUNCTION_NAME,
            OperationOutputs.OUTPUT,
            OperationOutputs.ERROR,
            OperationOutputs.CHILD_WORKFLOW_ID,
            OperationOutputs.STARTED_AT_EPOCH_MS,
            OperationOutputs.COMPLETED_AT_EPOCH_MS,
            OperationOutputs.SERIALIZATION)
        .from(OperationOutputs.TABLE);
  }

  /** A bind parameter for each of {@code fields}, typed as that field. */
  static List<Field<?>> binds(List<Field<?>> fields) {
    List<Field<?>> binds = new ArrayList<>(fields.size());
    for (Field<?> field : fields) {
      binds.add(val(null, field));
    }
    return binds;
  }

  private static List<Field<?>> concat(List<Field<?>> first, Field<?>... more) {
    List<Field<?>> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }

  private static SystemSql.TransactionOutputs transactionOutputs(DSLContext sql, boolean postgres) {
    String select =
        sql.select(
                TransactionOutputs.FUNCTION_NAME,
                TransactionOutputs.OUTPUT,
                TransactionOutputs.ERROR,
                TransactionOutputs.CREATED_AT)
            .from(TransactionOutputs.TABLE)
            .where(TransactionOutputs.WORKFLOW_UUID.eq(val(null, TransactionOutputs.WORKFLOW_UUID)))
            .and(TransactionOutputs.FUNCTION_ID.eq(val(null, TransactionOutputs.FUNCTION_ID)))
            .getSQL();
    String insert =
        sql.insertInto(TransactionOutputs.TABLE)
            .columns(TransactionOutputs.RECORD_COLUMNS)
            .values(binds(TransactionOutputs.RECORD_COLUMNS))
            .onConflictDoNothing()
            .getSQL();

    List<Query> create = new ArrayList<>();
    if (postgres) {
      create.add(sql.createSchemaIfNotExists(SystemTables.SCHEMA));
    }
    create.add(
        sql.createTableIfNotExists(TransactionOutputs.TABLE)
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
                    .primaryKey(TransactionOutputs.WORKFLOW_UUID, TransactionOutputs.FUNCTION_ID)));
    return new SystemSql.TransactionOutputs(select, insert, SchemaSqlRendering.rendered(create));
  }
}
