package io.dbosj.internal.db;

import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.val;

import io.dbosj.internal.db.SystemTables.WorkflowSchedules;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;

/** {@link ScheduleStore}'s statements, on DBOS's {@code dbos.workflow_schedules}. */
final class ScheduleSqlRendering {
  private ScheduleSqlRendering() {}

  /** Every column, in the order {@link ScheduleStore} reads them. */
  static final List<Field<?>> COLUMNS =
      List.of(
          WorkflowSchedules.SCHEDULE_ID, WorkflowSchedules.SCHEDULE_NAME, WorkflowSchedules.WORKFLOW_NAME,
          WorkflowSchedules.WORKFLOW_CLASS_NAME, WorkflowSchedules.SCHEDULE, WorkflowSchedules.STATUS,
          WorkflowSchedules.CONTEXT, WorkflowSchedules.LAST_FIRED_AT, WorkflowSchedules.AUTOMATIC_BACKFILL,
          WorkflowSchedules.CRON_TIMEZONE, WorkflowSchedules.QUEUE_NAME, WorkflowSchedules.APPLICATION_NAME);

  static SystemSql.Schedules schedules(DSLContext sql, boolean postgres) {
    String selectAll =
        sql.select(COLUMNS)
            .from(WorkflowSchedules.TABLE)
            // an application's own and unowned schedules; every schedule for a reader of no application (a client)
            .where(
                condition("cast({0} as text) is null", val(null, WorkflowSchedules.APPLICATION_NAME))
                    .or(WorkflowSchedules.APPLICATION_NAME.isNull())
                    .or(WorkflowSchedules.APPLICATION_NAME.eq(val(null, WorkflowSchedules.APPLICATION_NAME))))
            .orderBy(WorkflowSchedules.SCHEDULE_NAME)
            .getSQL();
    String selectByName =
        sql.select(COLUMNS)
            .from(WorkflowSchedules.TABLE)
            .where(WorkflowSchedules.SCHEDULE_NAME.eq(val(null, WorkflowSchedules.SCHEDULE_NAME)))
            .getSQL();
    String insert =
        sql.insertInto(WorkflowSchedules.TABLE)
            .columns(COLUMNS)
            .values(SystemSqlRendering.binds(COLUMNS))
            .onConflictDoNothing()
            .getSQL();
    String setStatus =
        sql.update(WorkflowSchedules.TABLE)
            .set(WorkflowSchedules.STATUS, val(null, WorkflowSchedules.STATUS))
            .where(WorkflowSchedules.SCHEDULE_NAME.eq(val(null, WorkflowSchedules.SCHEDULE_NAME)))
            .getSQL();
    String delete =
        sql.deleteFrom(WorkflowSchedules.TABLE)
            .where(WorkflowSchedules.SCHEDULE_NAME.eq(val(null, WorkflowSchedules.SCHEDULE_NAME)))
            .getSQL();
    // ISO-8601 instants of one width in UTC sort as text, so a late write never moves it back
    String advanceLastFired =
        sql.update(WorkflowSchedules.TABLE)
            .set(WorkflowSchedules.LAST_FIRED_AT, val(null, WorkflowSchedules.LAST_FIRED_AT))
            .where(WorkflowSchedules.SCHEDULE_NAME.eq(val(null, WorkflowSchedules.SCHEDULE_NAME)))
            .and(
                WorkflowSchedules.LAST_FIRED_AT.isNull()
                    .or(WorkflowSchedules.LAST_FIRED_AT.lt(val(null, WorkflowSchedules.LAST_FIRED_AT))))
            .getSQL();
    String markWorkflow =
        sql.update(SystemTables.WorkflowStatus.TABLE)
            .set(SystemTables.WorkflowStatus.SCHEDULE_NAME, val(null, SystemTables.WorkflowStatus.SCHEDULE_NAME))
            .where(SystemTables.WorkflowStatus.WORKFLOW_UUID.eq(val(null, SystemTables.WorkflowStatus.WORKFLOW_UUID)))
            .and(SystemTables.WorkflowStatus.SCHEDULE_NAME.isNull())
            .getSQL();
    return new SystemSql.Schedules(selectAll, selectByName, insert, setStatus, delete, advanceLastFired, markWorkflow);
  }
}
