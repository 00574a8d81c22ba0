package io.dbosj.internal.db;

import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import io.dbosj.WorkflowState;
import io.dbosj.internal.db.SystemTables.OperationOutputs;
import io.dbosj.internal.db.SystemTables.QueueRegistrations;
import io.dbosj.internal.db.SystemTables.Queues;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.SelectField;
import org.jooq.SelectForUpdateStep;
import org.jooq.SelectLimitPercentStep;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * {@link QueueStore}'s statements: counting what a queue's limits allow, picking and claiming
 * its rows (whole, or partition by partition), and moving {@code DELAYED} rows onto their queues.
 */
final class QueueSqlRendering {
  private static final Field<String> STATUS = WorkflowStatus.STATUS;
  private static final String DELAYED = WorkflowState.DELAYED.name();

  private QueueSqlRendering() {}

  static SystemSql.Queues queues(DSLContext sql, boolean postgres, List<Field<?>> row, boolean payloadTables) {
    String tryLock =
        postgres
            ? sql.select(field("pg_try_advisory_xact_lock({0})", Boolean.class, val(0L))).getSQL()
            : null;
    String startsSince =
        sql.select(count(), min(WorkflowStatus.STARTED_AT_EPOCH_MS))
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.QUEUE_NAME.eq(val(null, WorkflowStatus.QUEUE_NAME)))
            .and(started())
            .and(WorkflowStatus.STARTED_AT_EPOCH_MS.gt(val(null, WorkflowStatus.STARTED_AT_EPOCH_MS)))
            .getSQL();
    var pending =
        sql.select(count())
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.QUEUE_NAME.eq(val(null, WorkflowStatus.QUEUE_NAME)))
            .and(inFlight())
            .and(STATUS.eq(inline(WorkflowState.PENDING.name(), STATUS)));
    String countPendingTotal = pending.getSQL();
    String countPendingOfExecutor =
        pending.and(WorkflowStatus.EXECUTOR_ID.eq(val(null, WorkflowStatus.EXECUTOR_ID))).getSQL();
    // Every queue is taken in (priority, created_at) order, as DBOS's dequeuers take it: a queue
    // without priorities has them all 0, and the order walks the in-flight index from its head,
    // where ordering by created_at alone could walk the created_at index through every finished row.
    String selectQueued =
        lockRows(
            candidates(sql, postgres, row).orderBy(WorkflowStatus.PRIORITY, WorkflowStatus.CREATED_AT).limit(val(0)),
            postgres);
    String claim =
        sql.update(WorkflowStatus.TABLE)
            .set(STATUS, inline(WorkflowState.PENDING.name(), STATUS))
            .set(WorkflowStatus.EXECUTOR_ID, val(null, WorkflowStatus.EXECUTOR_ID))
            .set(WorkflowStatus.APPLICATION_VERSION, val(null, WorkflowStatus.APPLICATION_VERSION))
            .set(WorkflowStatus.STARTED_AT_EPOCH_MS, val(null, WorkflowStatus.STARTED_AT_EPOCH_MS))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            // DBOS's dequeuers count against a rate limit only the starts that carry this flag
            .set(WorkflowStatus.RATE_LIMITED, val(null, WorkflowStatus.RATE_LIMITED))
            // a workflow's timeout runs from its dequeue, unless a deadline it has (its parent's) comes first
            .set(
                WorkflowStatus.WORKFLOW_DEADLINE_EPOCH_MS,
                when(
                        WorkflowStatus.WORKFLOW_TIMEOUT_MS.isNotNull()
                            .and(
                                WorkflowStatus.WORKFLOW_DEADLINE_EPOCH_MS.isNull()
                                    .or(
                                        WorkflowStatus.WORKFLOW_DEADLINE_EPOCH_MS.gt(
                                            val(null, WorkflowStatus.STARTED_AT_EPOCH_MS)
                                                .plus(WorkflowStatus.WORKFLOW_TIMEOUT_MS)))),
                        val(null, WorkflowStatus.STARTED_AT_EPOCH_MS).plus(WorkflowStatus.WORKFLOW_TIMEOUT_MS))
                    .else_(WorkflowStatus.WORKFLOW_DEADLINE_EPOCH_MS))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .and(STATUS.eq(inline(WorkflowState.ENQUEUED.name(), STATUS)))
            .getSQL();
    String claimQueued = claimQueued(sql, postgres, row, withoutCandidateBinds(claim));
    // on PostgreSQL the queue's lock and the claim in one round trip: the claim, a statement of its
    // own, takes its snapshot once the lock is held, so it sees the last holder's commit
    String lockThenClaimQueued =
        postgres
            ? sql.select(field("pg_advisory_xact_lock({0})", Object.class, val(0L))).getSQL() + "; " + claimQueued
            : null;
    String selectClaimedSteps =
        SystemSqlRendering.selectStepRecords(sql)
            .where(
                OperationOutputs.WORKFLOW_UUID.in(
                    select(WorkflowStatus.WORKFLOW_UUID)
                        .from(WorkflowStatus.TABLE)
                        .where(WorkflowStatus.QUEUE_NAME.eq(val(null, WorkflowStatus.QUEUE_NAME)))
                        .and(STATUS.eq(inline(WorkflowState.PENDING.name(), STATUS)))
                        .and(WorkflowStatus.EXECUTOR_ID.eq(val(null, WorkflowStatus.EXECUTOR_ID)))
                        .and(WorkflowStatus.STARTED_AT_EPOCH_MS.eq(val(null, WorkflowStatus.STARTED_AT_EPOCH_MS)))))
            .getSQL();
    String notify =
        postgres
            ? sql.select(field("pg_notify({0}, {1})", Object.class, val(""), val(""))).getSQL()
            : null;
    String partitionStartsSince =
        sql.select(WorkflowStatus.QUEUE_PARTITION_KEY, count(), min(WorkflowStatus.STARTED_AT_EPOCH_MS))
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.QUEUE_NAME.eq(val(null, WorkflowStatus.QUEUE_NAME)))
            .and(WorkflowStatus.QUEUE_PARTITION_KEY.isNotNull())
            .and(started())
            .and(WorkflowStatus.STARTED_AT_EPOCH_MS.gt(val(null, WorkflowStatus.STARTED_AT_EPOCH_MS)))
            .groupBy(WorkflowStatus.QUEUE_PARTITION_KEY)
            .getSQL();
    String promoteDelayed =
        sql.update(WorkflowStatus.TABLE)
            .set(STATUS, inline(WorkflowState.ENQUEUED.name(), STATUS))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            // a debounce holds its key only while it waits: once queued, the next debounce starts another
            .set(
                WorkflowStatus.DEDUPLICATION_ID,
                payloadTables
                    ? when(WorkflowStatus.IS_DEBOUNCED.isTrue(), inline((String) null, WorkflowStatus.DEDUPLICATION_ID))
                        .else_(WorkflowStatus.DEDUPLICATION_ID)
                    : WorkflowStatus.DEDUPLICATION_ID)
            .where(STATUS.eq(inline(DELAYED, STATUS)))
            .and(WorkflowStatus.DELAY_UNTIL_EPOCH_MS.le(val(null, WorkflowStatus.DELAY_UNTIL_EPOCH_MS)))
            .and(inQueues(postgres))
            .getSQL();
    String nextDelayed =
        sql.select(min(WorkflowStatus.DELAY_UNTIL_EPOCH_MS))
            .from(WorkflowStatus.TABLE)
            .where(STATUS.eq(inline(DELAYED, STATUS)))
            .and(inQueues(postgres))
            .getSQL();
    List<Field<?>> limits =
        List.of(
            Queues.CONCURRENCY, Queues.WORKER_CONCURRENCY, Queues.RATE_LIMIT_MAX, Queues.RATE_LIMIT_PERIOD_SEC,
            Queues.PRIORITY_ENABLED, Queues.PARTITION_QUEUE, Queues.PARTITION_CONCURRENCY,
            Queues.PARTITION_WORKER_CONCURRENCY, Queues.PARTITION_RATE_LIMIT_MAX,
            Queues.PARTITION_RATE_LIMIT_PERIOD_SEC);
    List<SelectField<?>> stored = new ArrayList<>();
    stored.add(Queues.NAME);
    stored.addAll(limits);
    stored.add(Queues.UPDATED_AT);
    String selectStored =
        sql.select(stored)
            .from(Queues.TABLE)
            // an application's own and unowned queues; every queue for a reader of no application (a client)
            .where(
                condition("cast({0} as text) is null", val(null, Queues.APPLICATION_NAME))
                    .or(Queues.APPLICATION_NAME.isNull())
                    .or(Queues.APPLICATION_NAME.eq(val(null, Queues.APPLICATION_NAME))))
            .orderBy(Queues.NAME)
            .getSQL();
    List<Field<?>> insertColumns = new ArrayList<>();
    insertColumns.add(Queues.NAME);
    insertColumns.addAll(limits);
    insertColumns.addAll(List.of(Queues.APPLICATION_NAME, Queues.CREATED_AT, Queues.UPDATED_AT));
    String insertStored =
        sql.insertInto(Queues.TABLE)
            .columns(insertColumns)
            .values(SystemSqlRendering.binds(insertColumns))
            .onConflictDoNothing()
            .getSQL();
    var update = sql.update(Queues.TABLE).set(Queues.UPDATED_AT, val(null, Queues.UPDATED_AT));
    for (Field<?> column : limits) {
      update = setBound(update, column);
    }
    String updateStored = update.where(Queues.NAME.eq(val(null, Queues.NAME))).getSQL();
    String deleteStored = sql.deleteFrom(Queues.TABLE).where(Queues.NAME.eq(val(null, Queues.NAME))).getSQL();
    List<String> createRegistrations = new ArrayList<>();
    if (postgres) {
      createRegistrations.add(sql.createSchemaIfNotExists(SystemTables.SCHEMA).getSQL());
    }
    createRegistrations.add(
        sql.createTableIfNotExists(QueueRegistrations.TABLE)
            .column(QueueRegistrations.NAME, SQLDataType.CLOB.nullable(false))
            .column(QueueRegistrations.LIMITS, SQLDataType.CLOB.nullable(false))
            .column(QueueRegistrations.REGISTERED_AT, SQLDataType.BIGINT.nullable(false))
            .constraints(constraint("dbosj_queue_registrations_pkey").primaryKey(QueueRegistrations.NAME))
            .getSQL());
    String selectRegistration =
        sql.select(QueueRegistrations.LIMITS)
            .from(QueueRegistrations.TABLE)
            .where(QueueRegistrations.NAME.eq(val(null, QueueRegistrations.NAME)))
            .getSQL();
    String upsertRegistration =
        sql.insertInto(QueueRegistrations.TABLE)
            .columns(QueueRegistrations.NAME, QueueRegistrations.LIMITS, QueueRegistrations.REGISTERED_AT)
            .values(
                val(null, QueueRegistrations.NAME), val(null, QueueRegistrations.LIMITS),
                val(null, QueueRegistrations.REGISTERED_AT))
            .onConflict(QueueRegistrations.NAME)
            .doUpdate()
            .set(QueueRegistrations.LIMITS, excluded(QueueRegistrations.LIMITS))
            .set(QueueRegistrations.REGISTERED_AT, excluded(QueueRegistrations.REGISTERED_AT))
            .getSQL();
    return new SystemSql.Queues(
        tryLock,
        startsSince,
        countPendingTotal,
        countPendingOfExecutor,
        selectQueued,
        partitionCandidates(sql, postgres, row),
        partitionStartsSince,
        claim,
        claimQueued,
        lockThenClaimQueued,
        selectClaimedSteps,
        notify,
        promoteDelayed,
        nextDelayed,
        selectStored,
        insertStored,
        updateStored,
        deleteStored,
        List.copyOf(createRegistrations),
        selectRegistration,
        upsertRegistration);
  }

  /** The claim's SET clause alone: {@link #claimQueued} picks its rows by a subquery instead of by ID. */
  private static String withoutCandidateBinds(String claim) {
    return claim.substring(0, claim.lastIndexOf(" where "));
  }

  /**
   * Counts, picks and claims in one statement what a queue without partitions may start now: up
   * to as many of its {@code ENQUEUED} rows, in queue order, as its concurrency (all running
   * workflows) and worker concurrency (this executor's) leave room for, and at most the bound
   * most; on PostgreSQL the rows are picked {@code FOR UPDATE SKIP LOCKED}. It returns the claimed
   * rows as they now are, each with whether it has recorded steps and its priority (the rows
   * come in no set order). The caller holds the queue's lock (PostgreSQL's advisory lock, or
   * SQLite's write transaction), so no other dequeue counts between this one's count and claim.
   *
   * <p>Binds: those of {@link #claim} but the workflow ID (the executor ID, the application
   * version, the start time, the update time, whether rate limited, the start time twice), then
   * the queue name, the application version and fingerprints ({@link RunnableScopeSql}), the most
   * rows to claim, the concurrency, the queue name, the worker concurrency, the queue name and
   * the executor ID (a limit that is not set is bound as a large number).
   */
  private static String claimQueued(
      DSLContext sql, boolean postgres, List<Field<?>> row, String set) {
    Field<Integer> running =
        field(sql.select(count()).from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.QUEUE_NAME.eq(val(null, WorkflowStatus.QUEUE_NAME)))
            .and(inFlight())
            .and(STATUS.eq(inline(WorkflowState.PENDING.name(), STATUS))));
    Field<Integer> runningHere =
        field(sql.select(count()).from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.QUEUE_NAME.eq(val(null, WorkflowStatus.QUEUE_NAME)))
            .and(inFlight())
            .and(STATUS.eq(inline(WorkflowState.PENDING.name(), STATUS)))
            .and(WorkflowStatus.EXECUTOR_ID.eq(val(null, WorkflowStatus.EXECUTOR_ID))));
    Field<Integer> room =
        org.jooq.impl.DSL.greatest(
            inline(0),
            least(val(0), val(0).minus(running), val(0).minus(runningHere)));
    var queued =
        sql.select(WorkflowStatus.WORKFLOW_UUID)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.QUEUE_NAME.eq(val(null, WorkflowStatus.QUEUE_NAME)))
            .and(inFlight())
            .and(STATUS.eq(inline(WorkflowState.ENQUEUED.name(), STATUS)))
            .and(RunnableScopeSql.runnable(postgres));
    String picked = lockRows(queued.orderBy(WorkflowStatus.PRIORITY, WorkflowStatus.CREATED_AT).limit(room), postgres);
    List<SelectField<?>> returned = withHasSteps(row);
    returned.add(WorkflowStatus.PRIORITY);
    String returning =
        sql.select(returned).getSQL();
    // On PostgreSQL an array of the picked IDs: an init plan run once, whatever the planner thinks
    // of the table's size (a semi-join could run the locking subquery again for every queued
    // row), and rows found by their key alone: the pick locked them ENQUEUED (a row changed since
    // the statement began is checked again as it is locked), so none can change before the update.
    String where =
        postgres
            ? sql.render(WorkflowStatus.WORKFLOW_UUID) + " = any(array(" + picked + "))"
            : "(" + sql.render(WorkflowStatus.WORKFLOW_UUID) + " in (" + picked + ") and "
                + sql.render(STATUS.eq(inline(WorkflowState.ENQUEUED.name(), STATUS))) + ")";
    return set + " where " + where + " returning " + returning.substring("select ".length());
  }

  @SuppressWarnings("unchecked")
  private static <T> org.jooq.UpdateSetMoreStep<Record> setBound(org.jooq.UpdateSetMoreStep<Record> update, Field<T> column) {
    return update.set(column, val(null, column));
  }

  /** Rows that have started: counted against a rate limit while their start is in its window. */
  private static Condition started() {
    return STATUS.notIn(inline(WorkflowState.ENQUEUED.name(), STATUS), inline(DELAYED, STATUS));
  }

  /** The row's queue is one of the bound JSON array's. */
  private static Condition inQueues(boolean postgres) {
    Field<String> names = val(null, String.class);
    return postgres
        ? condition("{0} in (select jsonb_array_elements_text(cast({1} as jsonb)))", WorkflowStatus.QUEUE_NAME, names)
        : condition("{0} in (select value from json_each({1}))", WorkflowStatus.QUEUE_NAME, names);
  }

  /**
   * The predicate of DBOS's partial index {@code idx_workflow_status_in_flight_v2}, spelled as the
   * index spells it. Redundant beside a test of one status, but SQLite uses a partial index only
   * for a query whose WHERE has the index's own terms: without it, a dequeue there scans the table.
   */
  private static Condition inFlight() {
    return STATUS.in(
        inline(WorkflowState.ENQUEUED.name(), STATUS),
        inline(WorkflowState.PENDING.name(), STATUS));
  }

  /**
   * The {@code ENQUEUED} rows of a queue, each with whether it has recorded steps (only a resumed
   * or recovered workflow has), so a dequeue reads steps only when some claimed workflow has any.
   * Only rows this process may run ({@link RunnableScopeSql}), so those it may not never hold up
   * the rest. A new query each time: jOOQ's builders change in place.
   */
  private static SelectConditionStep<Record> candidates(DSLContext sql, boolean postgres, List<Field<?>> row) {
    return sql.select(withHasSteps(row))
        .from(WorkflowStatus.TABLE)
        .where(WorkflowStatus.QUEUE_NAME.eq(val(null, WorkflowStatus.QUEUE_NAME)))
        .and(inFlight())
        .and(STATUS.eq(inline(WorkflowState.ENQUEUED.name(), STATUS)))
        .and(RunnableScopeSql.runnable(postgres));
  }

  private static List<SelectField<?>> withHasSteps(List<Field<?>> row) {
    List<SelectField<?>> columns = new ArrayList<>(row);
    // spelled out: the tables' fields render unqualified, which would make this compare a column with itself
    columns.add(
        field(
            "exists (select 1 from {0} as steps where steps.workflow_uuid = {1}.workflow_uuid)",
            Boolean.class,
            OperationOutputs.TABLE,
            WorkflowStatus.TABLE));
    return columns;
  }

  /**
   * The rows a partitioned queue may start now, each partition's in its own order and at most as
   * many as that partition's limits leave room for: its running workflows (all, and this
   * executor's) and its starts in the rate window are counted in the same statement. The rows
   * come in rounds (each partition's first, then each one's second...), so the queue-wide room
   * the last bind gives is shared out across partitions rather than spent on the first.
   *
   * <p>Binds: the queue name, the application version and fingerprints ({@link
   * RunnableScopeSql}), the executor ID, the queue name, the queue name, the rate window's start,
   * the partition concurrency, the partition worker concurrency, the partition rate limit (each as
   * a number of rows; a large one for no limit), and the most rows to return. Each row is a workflow row,
   * whether it has recorded steps, and its partition key.
   */
  private static String partitionCandidates(DSLContext sql, boolean postgres, List<Field<?>> row) {
    Table<?> ranked =
        sql.select(
                WorkflowStatus.WORKFLOW_UUID.as("ranked_id"),
                WorkflowStatus.QUEUE_PARTITION_KEY.as("ranked_key"),
                field(
                        "row_number() over (partition by {0} order by {1}, {2})",
                        Integer.class,
                        WorkflowStatus.QUEUE_PARTITION_KEY,
                        WorkflowStatus.PRIORITY,
                        WorkflowStatus.CREATED_AT)
                    .as("ranked_rank"))
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.QUEUE_NAME.eq(val(null, WorkflowStatus.QUEUE_NAME)))
            .and(inFlight())
            .and(STATUS.eq(inline(WorkflowState.ENQUEUED.name(), STATUS)))
            .and(WorkflowStatus.QUEUE_PARTITION_KEY.isNotNull())
            .and(RunnableScopeSql.runnable(postgres))
            .asTable("ranked");
    Table<?> busy =
        sql.select(
                WorkflowStatus.QUEUE_PARTITION_KEY.as("busy_key"),
                count().as("busy_all"),
                org.jooq.impl.DSL.sum(
                        when(WorkflowStatus.EXECUTOR_ID.eq(val(null, WorkflowStatus.EXECUTOR_ID)), inline(1))
                            .else_(inline(0)))
                    .as("busy_mine"))
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.QUEUE_NAME.eq(val(null, WorkflowStatus.QUEUE_NAME)))
            .and(inFlight())
            .and(STATUS.eq(inline(WorkflowState.PENDING.name(), STATUS)))
            .and(WorkflowStatus.QUEUE_PARTITION_KEY.isNotNull())
            .groupBy(WorkflowStatus.QUEUE_PARTITION_KEY)
            .asTable("busy");
    Table<?> rate =
        sql.select(WorkflowStatus.QUEUE_PARTITION_KEY.as("rate_key"), count().as("rate_started"))
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.QUEUE_NAME.eq(val(null, WorkflowStatus.QUEUE_NAME)))
            .and(WorkflowStatus.QUEUE_PARTITION_KEY.isNotNull())
            .and(started())
            .and(WorkflowStatus.STARTED_AT_EPOCH_MS.gt(val(null, WorkflowStatus.STARTED_AT_EPOCH_MS)))
            .groupBy(WorkflowStatus.QUEUE_PARTITION_KEY)
            .asTable("rate");
    Field<Integer> rank = field(name("ranked", "ranked_rank"), Integer.class);
    Field<Integer> running = field("coalesce({0}, 0)", Integer.class, field(name("busy", "busy_all")));
    Field<Integer> mine = field("coalesce({0}, 0)", Integer.class, field(name("busy", "busy_mine")));
    Field<Integer> startedInWindow = field("coalesce({0}, 0)", Integer.class, field(name("rate", "rate_started")));
    List<SelectField<?>> columns = withHasSteps(row);
    columns.add(WorkflowStatus.QUEUE_PARTITION_KEY);
    SelectLimitPercentStep<?> select =
        sql.select(columns)
            .from(WorkflowStatus.TABLE)
            .join(ranked)
            .on(field(name("ranked", "ranked_id"), String.class).eq(qualified(WorkflowStatus.WORKFLOW_UUID)))
            .leftJoin(busy)
            .on(field(name("busy", "busy_key"), String.class).eq(field(name("ranked", "ranked_key"), String.class)))
            .leftJoin(rate)
            .on(field(name("rate", "rate_key"), String.class).eq(field(name("ranked", "ranked_key"), String.class)))
            .where(
                rank.le(
                    least(
                        val(0).minus(running),
                        val(0).minus(mine),
                        val(0).minus(startedInWindow))))
            .orderBy(rank, qualified(WorkflowStatus.PRIORITY), qualified(WorkflowStatus.CREATED_AT))
            .limit(val(0));
    SelectForUpdateStep<?> query = select;
    return postgres ? query.forUpdate().of(WorkflowStatus.TABLE).skipLocked().getSQL() : query.getSQL();
  }

  /** {@code column} qualified with its table: in a join, unqualified names could be another table's. */
  private static <T> Field<T> qualified(Field<T> column) {
    return field("{0}.{1}", column.getType(), WorkflowStatus.TABLE, name(column.getName()));
  }

  static String lockRows(SelectLimitPercentStep<?> select, boolean postgres) {
    SelectForUpdateStep<?> query = select;
    return postgres ? query.forUpdate().skipLocked().getSQL() : query.getSQL();
  }
}
