package io.dbosj.internal.db;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import io.dbosj.WorkflowState;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import io.dbosj.internal.serde.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectField;

/**
 * Owns {@code workflow_status}. Its SQL is rendered once by jOOQ for this database and run as
 * prepared statements.
 */
public final class WorkflowStore {
  /** The columns of a {@link StatusRow}, in the order {@link #readRow} reads them. */
  static final List<Field<?>> ROW_COLUMNS =
      List.of(
          WorkflowStatus.WORKFLOW_UUID,
          WorkflowStatus.STATUS,
          WorkflowStatus.NAME,
          WorkflowStatus.CLASS_NAME,
          WorkflowStatus.CONFIG_NAME,
          WorkflowStatus.INPUTS,
          WorkflowStatus.OUTPUT,
          WorkflowStatus.ERROR,
          WorkflowStatus.EXECUTOR_ID,
          WorkflowStatus.APPLICATION_VERSION,
          WorkflowStatus.QUEUE_NAME,
          WorkflowStatus.RECOVERY_ATTEMPTS,
          WorkflowStatus.CREATED_AT,
          WorkflowStatus.UPDATED_AT,
          WorkflowStatus.WORKFLOW_DEADLINE_EPOCH_MS);

  private final SystemDatabase db;
  private final String insertPending;
  private final String selectById;
  private final String complete;
  private final String selectPendingOfExecutor;
  private final String countRecoveryAttempt;
  private final String requeue;
  private final String selectQueued;
  private final String selectLastScheduledInputs;
  private final String cancel;
  private final String reassign;
  private final String resume;

  public WorkflowStore(SystemDatabase db) {
    this.db = db;
    DSLContext sql = db.renderer();
    SelectField<?>[] rowColumns = ROW_COLUMNS.toArray(new SelectField<?>[0]);
    this.insertPending =
        sql.insertInto(WorkflowStatus.TABLE)
            .columns(
                WorkflowStatus.WORKFLOW_UUID,
                WorkflowStatus.STATUS,
                WorkflowStatus.NAME,
                WorkflowStatus.CLASS_NAME,
                WorkflowStatus.CONFIG_NAME,
                WorkflowStatus.INPUTS,
                WorkflowStatus.EXECUTOR_ID,
                WorkflowStatus.APPLICATION_VERSION,
                WorkflowStatus.PARENT_WORKFLOW_ID,
                WorkflowStatus.CREATED_AT,
                WorkflowStatus.UPDATED_AT,
                WorkflowStatus.STARTED_AT_EPOCH_MS,
                WorkflowStatus.QUEUE_NAME,
                WorkflowStatus.DEDUPLICATION_ID,
                WorkflowStatus.PRIORITY,
                WorkflowStatus.FORKED_FROM,
                WorkflowStatus.WORKFLOW_TIMEOUT_MS,
                WorkflowStatus.WORKFLOW_DEADLINE_EPOCH_MS,
                WorkflowStatus.RECOVERY_ATTEMPTS,
                WorkflowStatus.SERIALIZATION)
            .values(
                val(null, WorkflowStatus.WORKFLOW_UUID),
                val(null, WorkflowStatus.STATUS),
                val(null, WorkflowStatus.NAME),
                val(null, WorkflowStatus.CLASS_NAME),
                val(null, WorkflowStatus.CONFIG_NAME),
                val(null, WorkflowStatus.INPUTS),
                val(null, WorkflowStatus.EXECUTOR_ID),
                val(null, WorkflowStatus.APPLICATION_VERSION),
                val(null, WorkflowStatus.PARENT_WORKFLOW_ID),
                val(null, WorkflowStatus.CREATED_AT),
                val(null, WorkflowStatus.UPDATED_AT),
                val(null, WorkflowStatus.STARTED_AT_EPOCH_MS),
                val(null, WorkflowStatus.QUEUE_NAME),
                val(null, WorkflowStatus.DEDUPLICATION_ID),
                val(null, WorkflowStatus.PRIORITY),
                val(null, WorkflowStatus.FORKED_FROM),
                val(null, WorkflowStatus.WORKFLOW_TIMEOUT_MS),
                val(null, WorkflowStatus.WORKFLOW_DEADLINE_EPOCH_MS),
                inline(1L, WorkflowStatus.RECOVERY_ATTEMPTS),
                inline(JsonCodec.FORMAT, WorkflowStatus.SERIALIZATION))
            .onConflictDoNothing()
            .getSQL();
    this.selectById =
        sql.select(rowColumns)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .getSQL();
    this.complete =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.STATUS, val(null, WorkflowStatus.STATUS))
            .set(WorkflowStatus.OUTPUT, val(null, WorkflowStatus.OUTPUT))
            .set(WorkflowStatus.ERROR, val(null, WorkflowStatus.ERROR))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            .set(WorkflowStatus.DEDUPLICATION_ID, inline((String) null, WorkflowStatus.DEDUPLICATION_ID))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .and(WorkflowStatus.STATUS.eq(val(null, WorkflowStatus.STATUS)))
            .getSQL();
    this.requeue =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.STATUS, inline(WorkflowState.ENQUEUED.name(), WorkflowStatus.STATUS))
            .set(WorkflowStatus.STARTED_AT_EPOCH_MS, inline((Long) null, WorkflowStatus.STARTED_AT_EPOCH_MS))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .and(WorkflowStatus.STATUS.eq(inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS)))
            .getSQL();
    this.selectQueued =
        sql.select(rowColumns)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.QUEUE_NAME.isNotNull())
            .and(
                WorkflowStatus.STATUS.in(
                    inline(WorkflowState.ENQUEUED.name(), WorkflowStatus.STATUS),
                    inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS)))
            .orderBy(WorkflowStatus.PRIORITY, WorkflowStatus.CREATED_AT)
            .getSQL();
    this.selectLastScheduledInputs =
        sql.select(WorkflowStatus.INPUTS)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.CLASS_NAME.eq(val(null, WorkflowStatus.CLASS_NAME)))
            .and(WorkflowStatus.CONFIG_NAME.eq(val(null, WorkflowStatus.CONFIG_NAME)))
            .and(WorkflowStatus.NAME.eq(val(null, WorkflowStatus.NAME)))
            .and(WorkflowStatus.WORKFLOW_UUID.like(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .orderBy(WorkflowStatus.CREATED_AT.desc())
            .limit(inline(1))
            .getSQL();
    this.cancel =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.STATUS, inline(WorkflowState.CANCELLED.name(), WorkflowStatus.STATUS))
            .set(WorkflowStatus.DEDUPLICATION_ID, inline((String) null, WorkflowStatus.DEDUPLICATION_ID))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .and(
                WorkflowStatus.STATUS.in(
                    inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS),
                    inline(WorkflowState.ENQUEUED.name(), WorkflowStatus.STATUS)))
            .getSQL();
    this.reassign =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.EXECUTOR_ID, val(null, WorkflowStatus.EXECUTOR_ID))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .and(WorkflowStatus.EXECUTOR_ID.eq(val(null, WorkflowStatus.EXECUTOR_ID)))
            .and(WorkflowStatus.STATUS.eq(inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS)))
            .getSQL();
    this.resume =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.STATUS, inline(WorkflowState.ENQUEUED.name(), WorkflowStatus.STATUS))
            .set(WorkflowStatus.QUEUE_NAME, val(null, WorkflowStatus.QUEUE_NAME))
            .set(WorkflowStatus.RECOVERY_ATTEMPTS, inline(0L, WorkflowStatus.RECOVERY_ATTEMPTS))
            .set(WorkflowStatus.STARTED_AT_EPOCH_MS, inline((Long) null, WorkflowStatus.STARTED_AT_EPOCH_MS))
            .set(WorkflowStatus.DEDUPLICATION_ID, inline((String) null, WorkflowStatus.DEDUPLICATION_ID))
            .set(WorkflowStatus.ERROR, inline((String) null, WorkflowStatus.ERROR))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .and(WorkflowStatus.STATUS.ne(inline(WorkflowState.SUCCESS.name(), WorkflowStatus.STATUS)))
            .getSQL();
    this.selectPendingOfExecutor =
        sql.select(rowColumns)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.STATUS.eq(val(null, WorkflowStatus.STATUS)))
            .and(WorkflowStatus.EXECUTOR_ID.eq(val(null, WorkflowStatus.EXECUTOR_ID)))
            .orderBy(WorkflowStatus.CREATED_AT)
            .getSQL();
    this.countRecoveryAttempt =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.RECOVERY_ATTEMPTS, WorkflowStatus.RECOVERY_ATTEMPTS.plus(inline(1L)))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .and(WorkflowStatus.STATUS.eq(val(null, WorkflowStatus.STATUS)))
            .getSQL();
  }

  /**
   * Records a workflow as {@code PENDING} or {@code ENQUEUED}, its first start counted in {@code
   * recovery_attempts}. Returns {@code false}, changing nothing, if its ID is
   * already recorded, or its deduplication ID is live on its queue: the insert itself is the
   * proof that a workflow is new.
   */
  public boolean insertPending(NewWorkflow w) {
    return db.groupCommit().commit(insertPendingWrite(w))[0] == 1;
  }

  /** The write {@link #insertPending} makes, to be committed together with others. */
  public CheckpointWrite insertPendingWrite(NewWorkflow w) {
    boolean enqueued = w.status() == WorkflowState.ENQUEUED;
    return new CheckpointWrite(
        insertPending,
        CheckpointWrite.WORKFLOW_ROW,
        new Object[] {
            w.workflowId(),
            w.status().name(),
            w.name(),
            w.className(),
            w.instanceName(),
            w.inputs(),
            w.executorId(),
            w.appVersion(),
            w.parentWorkflowId(),
            w.createdAt(),
            w.createdAt(),
            enqueued ? null : w.createdAt(),
            w.queueName(),
            w.deduplicationId(),
            w.priority(),
            w.forkedFrom(),
            w.timeoutMillis(),
            w.deadline()
        });
  }

  /** The workflow's row, if it is recorded. */
  public Optional<StatusRow> find(String workflowId) {
    return db.query(selectById, WorkflowStore::readRow, workflowId).stream().findFirst();
  }

  /**
   * Records the outcome of a {@code PENDING} workflow. Returns {@code false}, changing nothing, if
   * the workflow is no longer {@code PENDING}: another execution finished it first.
   */
  public boolean complete(
      String workflowId, WorkflowState outcome, String output, String error, long now) {
    return db.groupCommit().commit(completeWrite(workflowId, outcome, output, error, now))[0] == 1;
  }

  String completeSql() {
    return complete;
  }

  /** The write {@link #complete} makes, to be committed together with others. */
  public CheckpointWrite completeWrite(
      String workflowId, WorkflowState outcome, String output, String error, long now) {
    return new CheckpointWrite(
        complete,
        CheckpointWrite.OUTCOME,
        new Object[] {outcome.name(), output, error, now, workflowId, WorkflowState.PENDING.name()});
  }

  /** Every {@code PENDING} workflow owned by {@code executorId}, oldest first. */
  public List<StatusRow> pendingOf(String executorId) {
    return db.query(
        selectPendingOfExecutor, WorkflowStore::readRow, WorkflowState.PENDING.name(), executorId);
  }

  /** Counts one more start of a {@code PENDING} workflow; {@code false} if it is not pending. */
  public boolean countRecoveryAttempt(String workflowId, long now) {
    return countRecoveryAttempts(List.of(workflowId), now)[0] == 1;
  }

  /**
   * Counts one more start of each of these {@code PENDING} workflows, in one transaction; for
   * each, 1 if counted, 0 if it is not pending.
   */
  public int[] countRecoveryAttempts(List<String> workflowIds, long now) {
    return db.updateEach(
        countRecoveryAttempt,
        workflowIds.stream().map(id -> new Object[] {now, id, WorkflowState.PENDING.name()}).toList());
  }

  /**
   * Puts {@code PENDING} queued workflows back to {@code ENQUEUED}, in one transaction, so their
   * queues start them again within their limits; for each, 1 if done, 0 if it was not pending.
   */
  public int[] requeue(List<String> workflowIds, long now) {
    return db.updateEach(requeue, workflowIds.stream().map(id -> new Object[] {now, id}).toList());
  }

  /** Every {@code ENQUEUED} or {@code PENDING} workflow of every queue, in dequeue order. */
  public List<StatusRow> queued() {
    return db.query(selectQueued, WorkflowStore::readRow);
  }

  /**
   * The inputs of the most recent workflow of this name whose ID starts with {@code idPrefix}:
   * for a scheduled workflow, its last recorded tick.
   */
  public Optional<String> lastInputs(String className, String instanceName, String name, String idPrefix) {
    return db.query(
            selectLastScheduledInputs, row -> row.getString(1), className, instanceName, name, idPrefix + "%")
        .stream()
        .findFirst();
  }

  /** The rows a management filter selects, read with jOOQ (not a hot path). */
  public List<StatusRow> list(io.dbosj.WorkflowFilter filter) {
    org.jooq.Condition where = org.jooq.impl.DSL.noCondition();
    if (!filter.workflowIds().isEmpty()) {
      where = where.and(WorkflowStatus.WORKFLOW_UUID.in(filter.workflowIds()));
    }
    if (filter.name() != null) {
      where = where.and(WorkflowStatus.NAME.eq(filter.name()));
    }
    if (!filter.states().isEmpty()) {
      where = where.and(WorkflowStatus.STATUS.in(filter.states().stream().map(Enum::name).toList()));
    }
    if (filter.createdAfter() != null) {
      where = where.and(WorkflowStatus.CREATED_AT.ge(filter.createdAfter().toEpochMilli()));
    }
    if (filter.createdBefore() != null) {
      where = where.and(WorkflowStatus.CREATED_AT.le(filter.createdBefore().toEpochMilli()));
    }
    if (filter.appVersion() != null) {
      where = where.and(WorkflowStatus.APPLICATION_VERSION.eq(filter.appVersion()));
    }
    if (filter.queueName() != null) {
      where = where.and(WorkflowStatus.QUEUE_NAME.eq(filter.queueName()));
    }
    org.jooq.Condition condition = where;
    return db.withConnection(
        c ->
            db.dsl(c)
                .select(ROW_COLUMNS)
                .from(WorkflowStatus.TABLE)
                .where(condition)
                .orderBy(
                    filter.newestFirst() ? WorkflowStatus.CREATED_AT.desc() : WorkflowStatus.CREATED_AT.asc(),
                    WorkflowStatus.WORKFLOW_UUID)
                .limit(filter.limit())
                .offset(filter.offset())
                .fetch(WorkflowStore::readRecord));
  }

  /** Moves a {@code PENDING} workflow from one executor to another; {@code false} if it moved on. */
  public boolean reassign(String workflowId, String from, String to) {
    return db.update(reassign, to, System.currentTimeMillis(), workflowId, from) == 1;
  }

  /**
   * Cancels a workflow that has not finished: it stops at its next step and is not recovered.
   * Returns {@code false} if it had finished already (or does not exist).
   */
  public boolean cancel(String workflowId, long now) {
    return db.update(cancel, now, workflowId) == 1;
  }

  /**
   * Puts an unfinished or failed workflow on {@code queueName} to be started again from its
   * last recorded step, with its recovery attempts reset. Returns {@code false} if it succeeded
   * already (or does not exist).
   */
  public boolean resume(String workflowId, String queueName, long now) {
    return db.update(resume, queueName, now, workflowId) == 1;
  }

  /** Gives up on a {@code PENDING} workflow that failed recovery too often. */
  public boolean markRecoveryExceeded(String workflowId, long now) {
    return complete(workflowId, WorkflowState.MAX_RECOVERY_ATTEMPTS_EXCEEDED, null, null, now);
  }

  private static StatusRow readRecord(org.jooq.Record r) {
    return new StatusRow(
        r.get(WorkflowStatus.WORKFLOW_UUID),
        r.get(WorkflowStatus.STATUS),
        r.get(WorkflowStatus.NAME),
        r.get(WorkflowStatus.CLASS_NAME),
        r.get(WorkflowStatus.CONFIG_NAME),
        r.get(WorkflowStatus.INPUTS),
        r.get(WorkflowStatus.OUTPUT),
        r.get(WorkflowStatus.ERROR),
        r.get(WorkflowStatus.EXECUTOR_ID),
        r.get(WorkflowStatus.APPLICATION_VERSION),
        r.get(WorkflowStatus.QUEUE_NAME),
        r.get(WorkflowStatus.RECOVERY_ATTEMPTS),
        r.get(WorkflowStatus.CREATED_AT),
        r.get(WorkflowStatus.UPDATED_AT),
        r.get(WorkflowStatus.WORKFLOW_DEADLINE_EPOCH_MS));
  }

  static StatusRow readRow(ResultSet rs) throws SQLException {
    return new StatusRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getLong(12),
        rs.getLong(13),
        rs.getLong(14),
        Jdbc.nullableLong(rs, 15));
  }
}
