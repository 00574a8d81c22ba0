package io.dbosj.internal.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * One {@code @Scheduled} workflow of one registered object: its cron schedule, how many missed
 * ticks it catches up on, the prefix of its ticks' workflow IDs, and how a tick is started.
 */
public record ScheduledWorkflow(String idPrefix, CronSchedule cron, int maxCatchUp, Ticks ticks) {

  /** Starts this schedule's ticks, and finds the last one recorded: whoever runs workflows. */
  public interface Ticks {
    /** Starts the workflow of the tick at {@code scheduled} in the background, as {@code workflowId}. */
    void start(String workflowId, Instant scheduled, Instant actual);

    /** The scheduled time of the newest tick recorded, if any. */
    Optional<Instant> last(String idPrefix);
  }
}
