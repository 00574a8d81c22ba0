package io.dbosj.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link Workflow} on a cron schedule. The method takes {@code (Instant scheduledTime,
 * Instant actualTime)}. Give the cron expression either as {@code value} or as {@code cron}, not
 * both: {@code @Scheduled("* * * * * *")} and {@code @Scheduled(cron = "* * * * * *")} are the
 * same. Five fields ({@code minute hour day-of-month month day-of-week}), or six with seconds
 * first. The processor rejects an expression that does not parse.
 *
 * <pre>{@code
 * @Workflow
 * @Scheduled("0 * * * * *")            // every minute, on the minute
 * public void report(Instant scheduledTime, Instant actualTime) { ... }
 * }</pre>
 *
 * <p>Each tick runs as a workflow whose ID is derived from the workflow and the scheduled time, so
 * any number of processes sharing a system database run it exactly once.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Scheduled {
  /** The cron expression; an alias of {@link #cron()}. */
  String value() default "";

  /** The cron expression; an alias of {@link #value()}. */
  String cron() default "";

  /** The time zone the expression is read in, as a {@link java.time.ZoneId}. */
  String zone() default "UTC";

  /**
   * How many ticks missed while no process ran to run when one starts again: the most recent
   * ones since the last recorded tick. {@code 0} (the default) runs none.
   */
  int maxCatchUp() default 0;
}
