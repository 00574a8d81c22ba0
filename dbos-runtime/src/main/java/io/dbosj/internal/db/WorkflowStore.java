package io.dbosj.internal.db;

import io.dbosj.WorkflowState;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Owns {@code workflow_status}. Its SQL, rendered ahead of time by jOOQ for this database (see
 * {@link SystemSql}), runs as prepared statements.
 */
public final class WorkflowStore {
  /**
   * How many columns {@link #readRow} reads: those of {@code WorkflowStatus.ROW_COLUMNS}, whose
   * jOOQ fields the hot paths must not touch (they load jOOQ).
   */
  static final int ROW_WIDTH = 19;

  private final SystemDatabase db;
  private final String insertPending;
  private final String insertEnqueued;
  private final boolean enqueueNotifies;
  private final String selectById;
  private final String complete;
  private final String selectPendingOfExecutor;
  private final String selectStrandedOfExecutor;
  private final String countRecoveryAttempt;
  private final String requeue;
  private final String selectQueued;
  private final String selectLastScheduledInputs;
  private final String cancel;
  private final String reassign;
  private final String resume;
  private final String markForkedFrom;
  private final String selectChildIds;
  private final String selectCancelledAmong;
  private final String selectDeduplicated;
  private final String setDelay;
  private final String markDebounced;
  private final String bounce;
  private final String clearInputPayload;
  private final boolean payloadTables;

  public WorkflowStore(SystemDatabase db) {
    this.db = db;
    SystemSql.Workflows sql = db.sql().workflows();
    this.insertPending = sql.insertPending();
    this.insertEnqueued = sql.insertEnqueued();
    this.enqueueNotifies = db.isPostgres();
    this.selectById = sql.selectById();
    this.complete = sql.complete();
    this.requeue = sql.requeue();
    this.selectQueued = sql.selectQueued();
    this.selectLastScheduledInputs = sql.selectLastScheduledInputs();
    this.cancel = sql.cancel();
    this.reassign = sql.reassign();
    this.resume = sql.resume();
    this.markForkedFrom = sql.markForkedFrom();
    this.selectChildIds = sql.selectChildIds();
    this.selectCancelledAmong = sql.selectCancelledAmong();
    this.selectDeduplicated = sql.selectDeduplicated();
    this.setDelay = sql.setDelay();
    this.markDebounced = sql.markDebounced();
    this.bounce = sql.bounce();
    this.clearInputPayload = sql.clearInputPayload();
    this.payloadTables = db.hasPayloadTables();
    this.selectPendingOfExecutor = sql.selectPendingOfExecutor();
    this.selectStrandedOfExecutor = sql.selectStrandedOfExecutor();
    this.countRecoveryAttempt = sql.countRecoveryAttempt();
  }

  /**
   * Records a workflow as {@code PENDING} or {@code ENQUEUED}, its first start counted in {@code
   * recovery_attempts}. Returns {@code false}, changing nothing, if its ID is
   * already recorded, or its deduplication ID is live on its queue: the insert itself is the
   * proof that a workflow is new. On PostgreSQL, the insert of an {@code ENQUEUED} row also
   * notifies the queue runners of every process on {@link QueueStore#CHANNEL}, once it commits.
   */
  public boolean insertPending(NewWorkflow w) {
    return db.groupCommit().commit(insertPendingWrite(w))[0] == 1;
  }

  /**
   * {@link #insertPending}, but the insert of an {@code ENQUEUED} row notifies no one: the caller
   * tells other processes once it committed (see {@code EnqueueAnnouncer}).
   */
  public boolean insertPendingUnannounced(NewWorkflow w) {
    return db.groupCommit().commit(insertPendingWrite(w, false))[0] == 1;
  }

  /** Inserts a workflow's row on {@code c}, in the caller's transaction; see {@link #insertPending}. */
  public boolean insert(Connection c, NewWorkflow w) throws SQLException {
    CheckpointWrite write = insertPendingWrite(w);
    try (PreparedStatement s = c.prepareStatement(write.sql())) {
      Jdbc.bind(s, write.binds());
      return s.executeUpdate() == 1;
    }
  }

  /** The write {@link #insertPending} makes, to be committed together with others. */
  public CheckpointWrite insertPendingWrite(NewWorkflow w) {
    return insertPendingWrite(w, enqueueNotifies);
  }

  private CheckpointWrite insertPendingWrite(NewWorkflow w, boolean notify) {
    boolean enqueued = w.queued();
    Object[] row =
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
            w.deadline(),
            w.serialization(),
            RunnableScope.attributes(w.fingerprint()),
            w.partitionKey(),
            w.delayUntil()
        };
    if (enqueued && notify) {
      Object[] withPayload = Arrays.copyOf(row, row.length + 1);
      withPayload[row.length] = w.queueName(); // the notification's payload
      return new CheckpointWrite(insertEnqueued, CheckpointWrite.WORKFLOW_ROW, withPayload);
    }
    return new CheckpointWrite(insertPending, CheckpointWrite.WORKFLOW_ROW, row); // on SQLite, insertEnqueued is insertPending
  }

  /** The workflow that holds {@code deduplicationId} on {@code queueName}, if one does. */
  public Optional<StatusRow> findDeduplicated(String queueName, String deduplicationId) {
    return db.query(selectDeduplicated, WorkflowStore::readRow, queueName, deduplicationId).stream().findFirst();
  }

  /**
   * Sets when a {@code DELAYED} workflow joins its queue (epoch ms); returns {@code false},
   * changing nothing, if it is not {@code DELAYED}.
   */
  public boolean setDelay(String workflowId, long delayUntil, long now) {
    return db.update(setDelay, delayUntil, now, workflowId) == 1;
  }

  /** Whether this database's layout has the columns a debounce is recorded in (DBOS Java 1.1's has not). */
  public boolean debounces() {
    return markDebounced != null;
  }

  /**
   * {@link #insertPending} of a {@code DELAYED} workflow that a debounce holds, marked as such
   * with the latest instant a later debounce may delay it to ({@code null}: no limit), in one
   * commit.
   */
  public boolean insertDebounced(NewWorkflow w, Long deadline) {
    CheckpointWrite mark =
        new CheckpointWrite(markDebounced, CheckpointWrite.STEP, new Object[] {deadline, w.workflowId(), w.deduplicationId()});
    return db.groupCommit().commit(insertPendingWrite(w), mark)[0] == 1;
  }

  /**
   * A later debounce of a waiting workflow: its inputs become {@code inputs} and its start {@code
   * delayUntil}, or its deadline if that comes first. Returns {@code false}, changing nothing, if
   * it no longer waits as a debounce.
   */
  public boolean bounce(String workflowId, String inputs, String serialization, long delayUntil, long now) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s = c.prepareStatement(bounce)) {
            Jdbc.bind(s, new Object[] {inputs, serialization, delayUntil, delayUntil, now, workflowId});
            if (s.executeUpdate() != 1) {
              return false;
            }
          }
          try (PreparedStatement s = c.prepareStatement(clearInputPayload)) {
            Jdbc.bind(s, new Object[] {workflowId});
            s.executeUpdate();
          }
          return true;
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
        new Object[] {outcome.name(), output, error, now, now, workflowId, WorkflowState.PENDING.name()});
  }

  /** Every {@code PENDING} workflow owned by {@code executorId} that {@code scope} admits, oldest first. */
  public List<StatusRow> pendingOf(String executorId, RunnableScope scope) {
    return db.query(
        selectPendingOfExecutor, WorkflowStore::readRow, WorkflowState.PENDING.name(), executorId,
        scope.appVersion(), scope.fingerprintsJson());
  }

  /** Every {@code PENDING} workflow owned by {@code executorId} that {@code scope} leaves out, oldest first. */
  public List<StatusRow> strandedOf(String executorId, RunnableScope scope) {
    return db.query(
        selectStrandedOfExecutor, WorkflowStore::readRow, executorId, scope.appVersion(), scope.fingerprintsJson());
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

  /** Recorded workflow inputs, and the format they are written in. */
  public record Inputs(String text, String serialization) {}

  /**
   * The inputs of the most recent workflow of this name whose ID starts with {@code idPrefix}:
   * for a scheduled workflow, its last recorded tick.
   */
  public Optional<Inputs> lastInputs(String className, String instanceName, String name, String idPrefix) {
    return db.query(
            selectLastScheduledInputs,
            row -> new Inputs(row.getString(1), row.getString(2)),
            className, instanceName, name, idPrefix + "%")
        .stream()
        .findFirst();
  }

  /** A row with what else it records, as DBOS's admin API shows a workflow. */
  public record Detailed(StatusRow row, WorkflowDetails details) {}

  /** The rows a management filter selects, read with jOOQ (not a hot path). */
  public List<StatusRow> list(io.dbosj.WorkflowFilter filter) {
    return select(filter, List.of(), WorkflowStore::readRecord);
  }

  /** {@link #list}, each row with its {@link WorkflowDetails}. */
  public List<Detailed> listDetailed(io.dbosj.WorkflowFilter filter) {
    return select(
        filter,
        WorkflowStatus.DETAIL_COLUMNS,
        r -> new Detailed(readRecord(r), readDetails(r, ROW_WIDTH)));
  }

  private <T> List<T> select(
      io.dbosj.WorkflowFilter filter, List<org.jooq.Field<?>> more, org.jooq.RecordMapper<org.jooq.Record, T> mapper) {
    org.jooq.Condition condition = condition(filter);
    List<org.jooq.Field<?>> columns = new java.util.ArrayList<>(WorkflowStatus.rowColumns(payloadTables));
    columns.addAll(more);
    return db.withConnection(
        c ->
            db.dsl(c)
                .select(columns)
                .from(WorkflowStatus.TABLE)
                .where(condition)
                .orderBy(
                    filter.newestFirst() ? WorkflowStatus.CREATED_AT.desc() : WorkflowStatus.CREATED_AT.asc(),
                    WorkflowStatus.WORKFLOW_UUID)
                .limit(filter.limit())
                .offset(filter.offset())
                .fetch(mapper));
  }

  private static org.jooq.Condition condition(io.dbosj.WorkflowFilter filter) {
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
    return where;
  }

  private static WorkflowDetails readDetails(org.jooq.Record r, int from) {
    Object attributes = r.get(from + 13);
    return new WorkflowDetails(
        r.get(from, String.class),
        r.get(from + 1, String.class),
        r.get(from + 2, String.class),
        r.get(from + 3, String.class),
        r.get(from + 4, Integer.class),
        r.get(from + 5, String.class),
        r.get(from + 6, String.class),
        r.get(from + 7, String.class),
        r.get(from + 8, String.class),
        r.get(from + 9, Long.class),
        r.get(from + 10, Boolean.class),
        r.get(from + 11, Long.class),
        r.get(from + 12, Long.class),
        attributes instanceof org.jooq.JSONB json ? json.data() : attributes == null ? null : attributes.toString(),
        r.get(from + 14, String.class));
  }

  /**
   * Records again, as {@code portable_json}, the inputs of a workflow that another SDK enqueued
   * in its own format ({@code fromSerialization}), before it runs: the row's one {@code
   * serialization} column then names the format of the output and error this project writes
   * too, so DBOS's readers decode them. Not a hot path: only such rows are rewritten. Returns
   * {@code false} if the row's format changed meanwhile (another process adopted it).
   */
  public boolean adoptInputs(String workflowId, String fromSerialization, String portableInputs, long now) {
    return db.withConnection(
            c ->
                db.dsl(c)
                    .update(WorkflowStatus.TABLE)
                    .set(WorkflowStatus.INPUTS, portableInputs)
                    .set(WorkflowStatus.SERIALIZATION, io.dbosj.internal.serde.JsonCodec.FORMAT)
                    .set(WorkflowStatus.UPDATED_AT, now)
                    .where(WorkflowStatus.WORKFLOW_UUID.eq(workflowId))
                    .and(WorkflowStatus.SERIALIZATION.isNotDistinctFrom(fromSerialization))
                    .execute())
        == 1;
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
    return db.update(cancel, now, now, workflowId) == 1;
  }

  /**
   * Cancels, in one transaction, each of {@code workflowIds} that has not finished and, with
   * {@code descendants}, every unfinished workflow below them (children, their children, ...,
   * found level by level through {@code parent_workflow_id}, whatever the status of the ones
   * between). Returns the IDs it cancelled, roots first; a workflow that finished meanwhile stays
   * as it finished.
   */
  public List<String> cancelAll(List<String> workflowIds, boolean descendants, long now) {
    return db.inTransaction(
        c -> {
          List<String> cancelled = new ArrayList<>();
          Set<String> seen = new LinkedHashSet<>(workflowIds);
          List<String> level = List.copyOf(seen);
          try (PreparedStatement cancelOne = c.prepareStatement(cancel);
              PreparedStatement children = c.prepareStatement(selectChildIds)) {
            while (!level.isEmpty()) {
              for (String id : level) {
                Jdbc.bind(cancelOne, now, now, id);
                if (cancelOne.executeUpdate() == 1) {
                  cancelled.add(id);
                }
              }
              if (!descendants) {
                break;
              }
              List<String> next = new ArrayList<>();
              for (String id : level) {
                Jdbc.bind(children, id);
                try (ResultSet rs = children.executeQuery()) {
                  while (rs.next()) {
                    if (seen.add(rs.getString(1))) {
                      next.add(rs.getString(1));
                    }
                  }
                }
              }
              level = next;
            }
          }
          return cancelled;
        });
  }

  /** Which of {@code workflowIds} are {@code CANCELLED}, in one query per {@value SystemSql.Workflows#CANCELLED_AMONG_WIDTH}. */
  public List<String> cancelledAmong(List<String> workflowIds) {
    List<String> cancelled = new ArrayList<>();
    int width = SystemSql.Workflows.CANCELLED_AMONG_WIDTH;
    for (int from = 0; from < workflowIds.size(); from += width) {
      List<String> chunk = workflowIds.subList(from, Math.min(workflowIds.size(), from + width));
      Object[] binds = new Object[width];
      for (int i = 0; i < width; i++) {
        binds[i] = chunk.get(Math.min(i, chunk.size() - 1));
      }
      cancelled.addAll(db.query(selectCancelledAmong, rs -> rs.getString(1), binds));
    }
    return cancelled;
  }

  /**
   * Puts an unfinished or failed workflow on {@code queueName} to be started again from its
   * last recorded step, with its recovery attempts reset. Returns {@code false} if it succeeded
   * already (or does not exist).
   */
  public boolean resume(String workflowId, String queueName, long now) {
    return db.update(resume, queueName, now, workflowId) == 1;
  }

  /** Marks a workflow as the original of a fork, on {@code c}, as DBOS's fork does. */
  void markForkedFrom(Connection c, String workflowId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(markForkedFrom)) {
      Jdbc.bind(s, workflowId);
      s.executeUpdate();
    }
  }

  /** Gives up on a {@code PENDING} workflow that failed recovery too often. */
  public boolean markRecoveryExceeded(String workflowId, long now) {
    return complete(workflowId, WorkflowState.MAX_RECOVERY_ATTEMPTS_EXCEEDED, null, null, now);
  }

  /** A row of {@code WorkflowStatus.ROW_COLUMNS}' (or {@code rowColumns}') shape, by position. */
  private static StatusRow readRecord(org.jooq.Record r) {
    return new StatusRow(
        r.get(0, String.class),
        r.get(1, String.class),
        r.get(2, String.class),
        r.get(3, String.class),
        r.get(4, String.class),
        r.get(5, String.class),
        r.get(6, String.class),
        r.get(7, String.class),
        r.get(8, String.class),
        r.get(9, String.class),
        r.get(10, String.class),
        r.get(11, Long.class) == null ? 0L : r.get(11, Long.class),
        r.get(12, Long.class),
        r.get(13, Long.class),
        r.get(14, Long.class),
        r.get(15, Long.class),
        r.get(16, String.class),
        r.get(17, String.class),
        r.get(18, Long.class));
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
        Jdbc.nullableLong(rs, 15),
        Jdbc.nullableLong(rs, 16),
        rs.getString(17),
        rs.getString(18),
        Jdbc.nullableLong(rs, 19));
  }
}
