package io.dbosj.internal.db;

/**
 * One write that {@link GroupCommit} may combine with others: a statement with its bind values.
 * Within a shared commit, writes run in {@code rank} order, so a workflow's row comes before its
 * steps and its steps before its outcome.
 */
public record CheckpointWrite(String sql, int rank, Object[] binds) {
  /** Ranks: workflow rows first, then step records, then workflow outcomes. */
  static final int WORKFLOW_ROW = 0;
  static final int STEP = 1;
  static final int OUTCOME = 2;
}
