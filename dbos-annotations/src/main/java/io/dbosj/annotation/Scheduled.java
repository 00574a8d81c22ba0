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
 * same. Five fields, or six with seconds first.
 *
 * <p>Declared so that classes using it compile today; the processor reports, on the method, that
 * schedules are not available in this version of the library.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Scheduled {
  /** The cron expression; an alias of {@link #cron()}. */
  String value() default "";

  /** The cron expression; an alias of {@link #value()}. */
  String cron() default "";
}
