package io.dbosj.internal.schedule;

import com.cronutils.model.time.ExecutionTime;
import io.dbosj.cron.CronDialect;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A parsed cron expression in its time zone, in the {@link CronDialect} the processor checks at
 * compile time.
 */
public final class CronSchedule {
  private final String expression;
  private final ZoneId zone;
  private final ExecutionTime times;

  private CronSchedule(String expression, ZoneId zone, ExecutionTime times) {
    this.expression = expression;
    this.zone = zone;
    this.times = times;
  }

  /**
   * Parses {@code expression} in {@code zone}.
   *
   * @throws IllegalArgumentException saying why, if it does not parse
   */
  public static CronSchedule parse(String expression, String zone) {
    return new CronSchedule(
        expression.trim(), ZoneId.of(zone), ExecutionTime.forCron(CronDialect.parse(expression)));
  }

  /** The first tick strictly after {@code instant}, or {@code null} if there is none. */
  public Instant nextAfter(Instant instant) {
    ZonedDateTime from = instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone);
    return times.nextExecution(from).map(ZonedDateTime::toInstant).orElse(null);
  }

  @Override
  public String toString() {
    return expression + " (" + zone + ")";
  }
}
