package io.dbosj;

import java.time.Instant;

/**
 * A schedule kept in the system database's {@code dbos.workflow_schedules} (DBOS's table): it
 * starts workflow {@code workflowName} of {@code workflowClassName} at each tick of {@code cron}
 * in every launched process of its application, each tick once. Created, listed and changed with
 * {@link DBOS#createSchedule}, {@link DBOSClient#createSchedule}, {@code dbos schedule} and the
 * admin server:
 *
 * <pre>{@code
 * dbos.createSchedule("nightly-report", Reports.class, "nightly", "0 0 2 * * *",
 *     ScheduleOptions.defaults().timeZone("Europe/Paris").context("eu"));
 * for (WorkflowSchedule s : dbos.listSchedules()) {
 *   System.out.println(s.scheduleName() + " " + s.cron() + " " + s.status() + " last " + s.lastFiredAt());
 * }
 * }</pre>
 *
 * @param workflowClassName the binary name of the workflow's class ({@link Class#getName()})
 * @param cron the cron expression: 5 fields, or 6 with seconds first
 * @param status {@code ACTIVE} or {@code PAUSED}
 * @param context the value each tick's workflow receives as its second argument ({@code null}: none),
 *     as plain JSON values (maps, lists, strings, numbers, booleans)
 * @param lastFiredAt the scheduled time of the latest tick started, or {@code null} if none yet
 * @param timeZone the zone the cron expression is read in, or {@code null} for UTC
 * @param queueName the queue each tick's workflow is enqueued on, or {@code null} for DBOS's internal one
 * @param applicationName the application whose processes run it, or {@code null} for all of them
 */
public record WorkflowSchedule(
    String scheduleId,
    String scheduleName,
    String workflowClassName,
    String workflowName,
    String cron,
    Status status,
    Object context,
    Instant lastFiredAt,
    boolean automaticBackfill,
    String timeZone,
    String queueName,
    String applicationName) {

  /** Whether a schedule fires. */
  public enum Status {
    ACTIVE,
    PAUSED
  }
}
