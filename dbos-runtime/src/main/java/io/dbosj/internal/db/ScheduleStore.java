package io.dbosj.internal.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** DBOS's {@code dbos.workflow_schedules}: the schedules kept in the database. */
public final class ScheduleStore {
  private final SystemDatabase db;
  private final String appName;
  private final SystemSql.Schedules sql;

  /**
   * {@code appName} owns the rows this store writes; it lists those and the unowned ones ({@code
   * null}, a client's: it writes unowned rows and lists every one).
   */
  public ScheduleStore(SystemDatabase db, String appName) {
    this.db = db;
    this.appName = appName;
    this.sql = db.sql().schedules();
  }

  /** Every schedule this application runs, by name. */
  public List<ScheduleRow> list() {
    return db.query(sql.selectAll(), ScheduleStore::read, appName, appName);
  }

  public Optional<ScheduleRow> find(String name) {
    return db.query(sql.selectByName(), ScheduleStore::read, name).stream().findFirst();
  }

  /** Adds {@code row}, owned by this store's application; {@code false}, changing nothing, if its name is taken. */
  public boolean insert(ScheduleRow row) {
    return db.update(
            sql.insert(), row.scheduleId(), row.scheduleName(), row.workflowName(), row.workflowClassName(),
            row.cron(), row.status(), row.context(), row.lastFiredAt(), row.automaticBackfill(),
            row.cronTimezone(), row.queueName(), appName)
        == 1;
  }

  /** Sets the schedule's status; {@code false} if there is no schedule of that name. */
  public boolean setStatus(String name, String status) {
    return db.update(sql.setStatus(), status, name) == 1;
  }

  /** Removes the schedule; {@code false} if there is none. The workflows it started stay. */
  public boolean delete(String name) {
    return db.update(sql.delete(), name) == 1;
  }

  /** Records {@code firedAt} as the schedule's last firing, unless a later one is recorded. */
  public void advanceLastFired(String name, String firedAt) {
    db.update(sql.advanceLastFired(), firedAt, name, firedAt);
  }

  /** Records on workflow {@code workflowId}'s row that schedule {@code name} started it, as DBOS does. */
  public void markWorkflow(String workflowId, String name) {
    db.update(sql.markWorkflow(), name, workflowId);
  }

  private static ScheduleRow read(ResultSet rs) throws SQLException {
    return new ScheduleRow(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getString(10), rs.getString(11), rs.getString(12));
  }
}
