package io.dbosj.internal.db;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import io.dbosj.WorkflowState;
import io.dbosj.internal.db.SystemTables.OperationOutputs;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import io.dbosj.internal.serde.JsonCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Owns {@code operation_outputs}: the recorded outcome of each step of each workflow. */
public final class StepStore {
  /** The columns a step record writes, in order. */
  private static final java.util.List<org.jooq.Field<?>> COLUMNS =
      java.util.List.of(
          OperationOutputs.WORKFLOW_UUID,
          OperationOutputs.FUNCTION_ID,
          OperationOutputs.FUNCTION_NAME,
          OperationOutputs.OUTPUT,
          OperationOutputs.ERROR,
          OperationOutputs.CHILD_WORKFLOW_ID,
          OperationOutputs.STARTED_AT_EPOCH_MS,
          OperationOutputs.COMPLETED_AT_EPOCH_MS,
          OperationOutputs.SERIALIZATION);

  private final SystemDatabase db;
  private final String insert;
  private final String selectAll;
  private final String selectAllOfPending;
  private final String selectOne;
  private final String copy;

  public StepStore(SystemDatabase db) {
    this.db = db;
    DSLContext sql = db.renderer();
    this.insert =
        sql.insertInto(OperationOutputs.TABLE)
            .columns(COLUMNS)
            .select(
                select(
                        val(null, OperationOutputs.WORKFLOW_UUID),
                        val(null, OperationOutputs.FUNCTION_ID),
                        val(null, OperationOutputs.FUNCTION_NAME),
                        val(null, OperationOutputs.OUTPUT),
                        val(null, OperationOutputs.ERROR),
                        val(null, OperationOutputs.CHILD_WORKFLOW_ID),
                        val(null, OperationOutputs.STARTED_AT_EPOCH_MS),
                        val(null, OperationOutputs.COMPLETED_AT_EPOCH_MS),
                        inline(JsonCodec.FORMAT, OperationOutputs.SERIALIZATION))
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
        sql.select(
                OperationOutputs.WORKFLOW_UUID,
                OperationOutputs.FUNCTION_ID,
                OperationOutputs.FUNCTION_NAME,
                OperationOutputs.OUTPUT,
                OperationOutputs.ERROR,
                OperationOutputs.CHILD_WORKFLOW_ID,
                OperationOutputs.STARTED_AT_EPOCH_MS,
                OperationOutputs.COMPLETED_AT_EPOCH_MS)
            .from(OperationOutputs.TABLE)
            .where(OperationOutputs.WORKFLOW_UUID.eq(val(null, OperationOutputs.WORKFLOW_UUID)));
    this.selectAll = columns.orderBy(OperationOutputs.FUNCTION_ID).getSQL();
    this.selectAllOfPending =
        sql.select(
                OperationOutputs.WORKFLOW_UUID,
                OperationOutputs.FUNCTION_ID,
                OperationOutputs.FUNCTION_NAME,
                OperationOutputs.OUTPUT,
                OperationOutputs.ERROR,
                OperationOutputs.CHILD_WORKFLOW_ID,
                OperationOutputs.STARTED_AT_EPOCH_MS,
                OperationOutputs.COMPLETED_AT_EPOCH_MS)
            .from(OperationOutputs.TABLE)
            .where(
                OperationOutputs.WORKFLOW_UUID.in(
                    select(WorkflowStatus.WORKFLOW_UUID)
                        .from(WorkflowStatus.TABLE)
                        .where(
                            WorkflowStatus.STATUS.eq(
                                inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS)))
                        .and(WorkflowStatus.EXECUTOR_ID.eq(val(null, WorkflowStatus.EXECUTOR_ID)))))
            .getSQL();
    this.copy =
        sql.insertInto(OperationOutputs.TABLE)
            .columns(COLUMNS)
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
    this.selectOne =
        columns.and(OperationOutputs.FUNCTION_ID.eq(val(null, OperationOutputs.FUNCTION_ID))).getSQL();
  }

  /**
   * Records a step's outcome, while its workflow is {@code PENDING}. Returns {@code false},
   * changing nothing, if that step is already recorded (another execution got there first, and
   * its record stands) or the workflow is no longer pending (it was cancelled): the one statement
   * checks both, so the happy path costs no read.
   */
  public boolean insert(StepRecord r) {
    return db.groupCommit().commit(insertWrite(r))[0] == 1;
  }

  String insertSql() {
    return insert;
  }

  /** The write {@link #insert} makes, to be committed together with others. */
  public CheckpointWrite insertWrite(StepRecord r) {
    return new CheckpointWrite(
        insert,
        CheckpointWrite.STEP,
        new Object[] {
            r.workflowId(),
            r.functionId(),
            r.functionName(),
            r.output(),
            r.error(),
            r.childWorkflowId(),
            r.startedAt(),
            r.completedAt(),
            r.workflowId()
        });
  }

  /**
   * Copies the steps of {@code fromWorkflow} numbered below {@code beforeFunctionId} to {@code
   * toWorkflow}, in one statement: a fork reuses them instead of running them again.
   */
  public int copy(String fromWorkflow, String toWorkflow, int beforeFunctionId) {
    return db.update(copy, toWorkflow, fromWorkflow, beforeFunctionId);
  }

  /** Every recorded step of a workflow, in one query, by function ID. */
  public List<StepRecord> all(String workflowId) {
    return db.query(selectAll, StepStore::read, workflowId);
  }

  /**
   * Every recorded step of every {@code PENDING} workflow of {@code executorId}, in one query,
   * by workflow ID and function ID: what recovery replays.
   */
  public java.util.Map<String, java.util.Map<Integer, StepRecord>> allOfPending(String executorId) {
    java.util.Map<String, java.util.Map<Integer, StepRecord>> byWorkflow = new java.util.HashMap<>();
    for (StepRecord step : db.query(selectAllOfPending, StepStore::read, executorId)) {
      byWorkflow.computeIfAbsent(step.workflowId(), id -> new java.util.HashMap<>()).put(step.functionId(), step);
    }
    return byWorkflow;
  }

  /** One recorded step, if present. */
  public Optional<StepRecord> find(String workflowId, int functionId) {
    return db.query(selectOne, StepStore::read, workflowId, functionId).stream().findFirst();
  }

  static StepRecord read(ResultSet rs) throws SQLException {
    return new StepRecord(
        rs.getString(1),
        rs.getInt(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getLong(7),
        rs.getLong(8));
  }
}
