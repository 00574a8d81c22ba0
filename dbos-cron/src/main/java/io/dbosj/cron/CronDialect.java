package io.dbosj.cron;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.Optional;

/**
 * The cron expressions {@code @Scheduled} accepts: five UNIX fields (minute hour day-of-month
 * month day-of-week), or six with seconds first. The processor checks expressions with this class
 * at compile time and the runtime schedules them with it, so the two can never disagree.
 *
 * <pre>{@code
 * Cron weekdays = CronDialect.parse("0 9 * * MON-FRI");   // 09:00 on weekdays
 * Cron hourly = CronDialect.parse("30 0 * * * *");       // 30 seconds past every hour
 * CronDialect.problem("61 * * * *");                     // Optional[... Value 61 not in range ...]
 * }</pre>
 */
public final class CronDialect {
  private static final CronParser FIVE_FIELDS =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser SIX_FIELDS = new CronParser(secondsFirst());

  private CronDialect() {}

  /**
   * Parses {@code expression}, ignoring surrounding blanks.
   *
   * @throws IllegalArgumentException saying why, if it does not parse
   */
  public static Cron parse(String expression) {
    String trimmed = expression.trim();
    int fields = fields(trimmed);
    if (fields != 5 && fields != 6) {
      throw new IllegalArgumentException(
          "cron expression \"" + expression + "\" " + wrongFieldCount(fields));
    }
    return (fields == 5 ? FIVE_FIELDS : SIX_FIELDS).parse(trimmed).validate();
  }

  /** Why {@code expression} does not parse, or empty if it does. */
  public static Optional<String> problem(String expression) {
    int fields = fields(expression.trim());
    if (fields != 5 && fields != 6) {
      return Optional.of("it " + wrongFieldCount(fields));
    }
    try {
      parse(expression);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static int fields(String trimmed) {
    return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
  }

  private static String wrongFieldCount(int fields) {
    return "has " + fields + " field" + (fields == 1 ? "" : "s") + ", not 5 or 6";
  }

  private static CronDefinition secondsFirst() {
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
