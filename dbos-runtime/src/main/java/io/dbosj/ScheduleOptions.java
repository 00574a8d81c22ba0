package io.dbosj;

/**
 * How a schedule created with {@link DBOS#createSchedule} runs, beyond its workflow and cron
 * expression: {@code ScheduleOptions.defaults().timeZone("Europe/Paris").queue("reports")
 * .automaticBackfill(true).context(Map.of("region", "eu"))}.
 *
 * @param timeZone the zone the cron expression is read in ({@code null}: UTC)
 * @param queueName the queue each tick's workflow is enqueued on ({@code null}: DBOS's internal queue)
 * @param automaticBackfill whether a process that starts after ticks were missed (every process
 *     down) runs each missed tick since the last one fired
 * @param context the value each tick's workflow receives as its second argument
 */
public record ScheduleOptions(String timeZone, String queueName, boolean automaticBackfill, Object context) {
  private static final ScheduleOptions DEFAULTS = new ScheduleOptions(null, null, false, null);

  /** UTC, DBOS's internal queue, no backfill, no context. */
  public static ScheduleOptions defaults() {
    return DEFAULTS;
  }

  public ScheduleOptions timeZone(String zone) {
    return new ScheduleOptions(zone, queueName, automaticBackfill, context);
  }

  public ScheduleOptions queue(String name) {
    return new ScheduleOptions(timeZone, name, automaticBackfill, context);
  }

  public ScheduleOptions queue(Queue queue) {
    return queue(queue.name());
  }

  public ScheduleOptions automaticBackfill(boolean backfill) {
    return new ScheduleOptions(timeZone, queueName, backfill, context);
  }

  public ScheduleOptions context(Object value) {
    return new ScheduleOptions(timeZone, queueName, automaticBackfill, value);
  }
}
