package io.dbosj.internal.db;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import io.dbosj.internal.db.SystemTables.Notifications;
import io.dbosj.internal.db.SystemTables.OperationOutputs;
import io.dbosj.internal.db.SystemTables.Streams;
import io.dbosj.internal.db.SystemTables.WorkflowEvents;
import io.dbosj.internal.db.SystemTables.WorkflowEventsHistory;
import io.dbosj.internal.db.SystemTables.WorkflowInput;
import io.dbosj.internal.db.SystemTables.WorkflowOutput;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectForUpdateStep;
import org.jooq.Table;

/**
 * The definition, with jOOQ over {@link SystemTables}, of the statements that delete workflows:
 * one by one with what they recorded, and the finished ones older than a cutoff. Rendered into
 * {@link RenderedSql} with the others; nothing calls this at run time.
 */
final class RetentionSqlRendering {
  /** DBOS's statuses of workflows not yet finished: {@code DELAYED} is DBOS's, for a delayed start. */
  private static final List<String> UNFINISHED = List.of("PENDING", "ENQUEUED", "DELAYED");

  private RetentionSqlRendering() {}

  static SystemSql.Retention retention(DSLContext sql, boolean postgres, boolean payloadTables) {
    String lockWorkflow =
        lock(
            sql.select(WorkflowStatus.WORKFLOW_UUID, WorkflowStatus.STATUS)
                .from(WorkflowStatus.TABLE)
                .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID))),
            postgres,
            false);
    String lockChildren =
        lock(
            sql.select(WorkflowStatus.WORKFLOW_UUID, WorkflowStatus.STATUS)
                .from(WorkflowStatus.TABLE)
                .where(WorkflowStatus.PARENT_WORKFLOW_ID.eq(val(null, WorkflowStatus.PARENT_WORKFLOW_ID))),
            postgres,
            false);
    // the workflow's row goes last: every other record of it goes first, in the same transaction
    List<String> deleteRecords = new ArrayList<>();
    deleteRecords.add(deleteOf(sql, OperationOutputs.TABLE, OperationOutputs.WORKFLOW_UUID));
    if (payloadTables) {
      deleteRecords.add(deleteOf(sql, WorkflowInput.TABLE, WorkflowInput.WORKFLOW_UUID));
      deleteRecords.add(deleteOf(sql, WorkflowOutput.TABLE, WorkflowOutput.WORKFLOW_UUID));
    }
    deleteRecords.add(deleteOf(sql, Notifications.TABLE, Notifications.DESTINATION_UUID));
    deleteRecords.add(deleteOf(sql, WorkflowEvents.TABLE, WorkflowEvents.WORKFLOW_UUID));
    deleteRecords.add(deleteOf(sql, WorkflowEventsHistory.TABLE, WorkflowEventsHistory.WORKFLOW_UUID));
    deleteRecords.add(deleteOf(sql, Streams.TABLE, Streams.WORKFLOW_UUID));
    deleteRecords.add(deleteOf(sql, WorkflowStatus.TABLE, WorkflowStatus.WORKFLOW_UUID));
    String selectNthNewest =
        sql.select(WorkflowStatus.CREATED_AT)
            .from(WorkflowStatus.TABLE)
            .orderBy(WorkflowStatus.CREATED_AT.desc())
            .limit(inline(1))
            .offset(val(0))
            .getSQL();
    Condition finished = WorkflowStatus.STATUS.notIn(UNFINISHED.stream().map(s -> inline(s, WorkflowStatus.STATUS)).toList());
    // a batch at a time, oldest first; another process collecting at once takes other rows
    String lockFinishedBefore =
        lock(
            sql.select(WorkflowStatus.WORKFLOW_UUID)
                .from(WorkflowStatus.TABLE)
                .where(WorkflowStatus.CREATED_AT.lt(val(null, WorkflowStatus.CREATED_AT)))
                .and(finished)
                .orderBy(WorkflowStatus.CREATED_AT)
                .limit(val(0)),
            postgres,
            true);
    return new SystemSql.Retention(lockWorkflow, lockChildren, List.copyOf(deleteRecords), selectNthNewest, lockFinishedBefore);
  }

  private static String deleteOf(DSLContext sql, Table<Record> table, Field<String> workflowId) {
    return sql.deleteFrom(table).where(workflowId.eq(val(null, workflowId))).getSQL();
  }

  private static String lock(SelectForUpdateStep<?> select, boolean postgres, boolean skipLocked) {
    if (!postgres) {
      return select.getSQL(); // SQLite has one writer at a time
    }
    return skipLocked ? select.forUpdate().skipLocked().getSQL() : select.forUpdate().getSQL();
  }
}
