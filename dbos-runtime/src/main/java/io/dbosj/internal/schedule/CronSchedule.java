package io.dbosj.internal.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A parsed cron expression in its time zone: five UNIX fields, or six with seconds first (the
 * dialects the processor checks at compile time).
 */
public final class CronSchedule {
  private static final CronParser FIVE_FIELDS =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser SIX_FIELDS = new CronParser(sixFields());

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
    String trimmed = expression.trim();
    int fields = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    if (fields != 5 && fields != 6) {
      throw new IllegalArgumentException(
          "cron expression \"" + expression + "\" has " + fields + " fields, not 5 or 6");
    }
    Cron cron = (fields == 5 ? FIVE_FIELDS : SIX_FIELDS).parse(trimmed).validate();
    return new CronSchedule(trimmed, ZoneId.of(zone), ExecutionTime.forCron(cron));
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

  private static CronDefinition sixFields() {
    return CronDefinitionBuilder.defineCron()
        .withSeconds().and()
        .withMinutes().and()
        .withHours().and()
        .withDayOfMonth().supportsQuestionMark().and()
        .withMonth().and()
        .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0)
        .supportsQuestionMark().and()
        .instance();
  }
}
