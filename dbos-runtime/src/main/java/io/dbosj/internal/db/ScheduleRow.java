package io.dbosj.internal.db;

/**
 * One row of DBOS's {@code dbos.workflow_schedules}, as stored: {@code context} is the
 * serialized context value, {@code lastFiredAt} an ISO-8601 instant as DBOS writes it.
 */
public record ScheduleRow(
    String scheduleId,
    String scheduleName,
    String workflowName,
    String workflowClassName,
    String cron,
    String status,
    String context,
    String lastFiredAt,
    boolean automaticBackfill,
    String cronTimezone,
    String queueName,
    String applicationName) {

  public static final String ACTIVE = "ACTIVE";
  public static final String PAUSED = "PAUSED";

  /**
   * What a running schedule's ticks depend on; a change of any of it (not of its status or last
   * firing) restarts them.
   */
  public String definition() {
    return String.join("\u0000", workflowClassName == null ? "" : workflowClassName, workflowName, cron,
        context, cronTimezone == null ? "" : cronTimezone, queueName == null ? "" : queueName);
  }
}
