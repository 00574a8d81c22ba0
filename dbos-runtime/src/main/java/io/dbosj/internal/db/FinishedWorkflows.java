package io.dbosj.internal.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads which of many workflows have finished, {@link #BATCH} IDs per statement: how one poller
 * watches the outcomes of any number of workflows with a few queries, instead of one per
 * workflow.
 */
public final class FinishedWorkflows {
  /** How many IDs one statement asks about; a shorter list repeats its last ID to fill it. */
  public static final int BATCH = 200;

  private final SystemDatabase db;
  private final String selectFinished;

  public FinishedWorkflows(SystemDatabase db) {
    this.db = db;
    this.selectFinished = db.sql().outcomes().selectFinished();
  }

  /** The rows of those of {@code workflowIds} that are finished (any terminal status). */
  public List<StatusRow> finished(List<String> workflowIds) {
    List<StatusRow> rows = new ArrayList<>();
    for (int from = 0; from < workflowIds.size(); from += BATCH) {
      List<String> batch = workflowIds.subList(from, Math.min(workflowIds.size(), from + BATCH));
      Object[] binds = Arrays.copyOf(batch.toArray(), BATCH);
      Arrays.fill(binds, batch.size(), BATCH, batch.get(batch.size() - 1));
      rows.addAll(db.query(selectFinished, WorkflowStore::readRow, binds));
    }
    return rows;
  }
}
