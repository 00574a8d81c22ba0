package io.dbosj.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Owns {@code operation_outputs}: the recorded outcome of each step of each workflow. */
public final class StepStore {
  private final SystemDatabase db;
  private final String insert;
  private final String selectAll;
  private final String selectAllOfPending;
  private final String selectOne;
  private final String copy;
  private final String repointChild;

  public StepStore(SystemDatabase db) {
    this.db = db;
    SystemSql.Steps sql = db.sql().steps();
    this.insert = sql.insert();
    this.selectAll = sql.selectAll();
    this.selectAllOfPending = sql.selectAllOfPending();
    this.copy = sql.copy();
    this.selectOne = sql.selectOne();
    this.repointChild = sql.repointChild();
  }

  /**
   * Makes the operation of {@code workflowId} that recorded child {@code fromChildId} record
   * {@code toChildId} instead: an enqueue that found its deduplication ID held returns the
   * holder, and a re-execution must get that one too.
   */
  public void repointChild(String workflowId, String fromChildId, String toChildId) {
    db.update(repointChild, toChildId, workflowId, fromChildId);
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

  /**
   * {@link #insert} on {@code c}, inside the caller's transaction of the system database: a
   * {@code @Transaction} there lists its outcome in the same commit as its writes.
   */
  public boolean insert(Connection c, StepRecord r) throws SQLException {
    CheckpointWrite write = insertWrite(r);
    try (PreparedStatement s = c.prepareStatement(write.sql())) {
      Jdbc.bind(s, write.binds());
      return s.executeUpdate() == 1;
    }
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
  public int copy(Connection c, String fromWorkflow, String toWorkflow, int beforeFunctionId)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(copy)) {
      Jdbc.bind(s, toWorkflow, fromWorkflow, beforeFunctionId);
      return s.executeUpdate();
    }
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
        rs.getLong(8),
        rs.getString(9));
  }
}
