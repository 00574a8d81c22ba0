package io.dbosj.internal.exec;

import io.dbosj.CancelOptions;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowState;
import io.dbosj.internal.db.RetentionStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How long workflows are kept: deleting one (with its descendants, if asked), collecting the
 * finished ones past an age or a count, and DBOS's global timeout, which cancels the unfinished
 * ones created before a cutoff.
 */
public final class WorkflowRetention {
  private final RetentionStore store;
  private final WorkflowManagement management;

  public WorkflowRetention(RetentionStore store, WorkflowManagement management) {
    this.store = store;
    this.management = management;
  }

  /** Deletes a finished workflow, and its descendants with {@code withChildren}; the IDs deleted. */
  public List<String> delete(String workflowId, boolean withChildren) {
    return store.delete(Objects.requireNonNull(workflowId, "workflowId"), withChildren);
  }

  /**
   * Deletes the finished workflows created before {@code createdBefore} and those beyond the
   * {@code keepNewest} most recently created; returns how many were deleted.
   */
  public long garbageCollect(Instant createdBefore, Long keepNewest) {
    if (createdBefore == null && keepNewest == null) {
      throw new IllegalArgumentException(
          "garbageCollect needs a cutoff (delete finished workflows created before it), a number of newest"
              + " workflows to keep, or both");
    }
    if (keepNewest != null && keepNewest < 1) {
      throw new IllegalArgumentException(
          "garbageCollect keeps at least 1 workflow, was asked to keep " + keepNewest
              + "; to delete every finished workflow, give a cutoff of now");
    }
    return store.deleteFinished(createdBefore == null ? null : createdBefore.toEpochMilli(), keepNewest);
  }

  /**
   * Cancels every workflow not yet finished ({@code PENDING} or {@code ENQUEUED}) created at or
   * before {@code createdBefore}, in one transaction; returns the IDs it cancelled.
   */
  public List<String> globalTimeout(Instant createdBefore) {
    Objects.requireNonNull(createdBefore, "createdBefore");
    WorkflowFilter unfinished =
        WorkflowFilter.all()
            .states(WorkflowState.PENDING, WorkflowState.ENQUEUED)
            .createdBefore(createdBefore)
            .limit(Integer.MAX_VALUE);
    return management.cancel(unfinished, CancelOptions.defaults());
  }
}
