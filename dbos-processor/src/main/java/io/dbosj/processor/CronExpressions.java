package io.dbosj.processor;

import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.CronType;
import com.cronutils.parser.CronParser;

/**
 * Checks {@code @Scheduled} expressions with the same library and the same two dialects the
 * runtime uses: five UNIX fields, or six with seconds first.
 */
final class CronExpressions {
  private static final CronParser FIVE_FIELDS =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser SIX_FIELDS = new CronParser(sixFields());

  private CronExpressions() {}

  /** {@code null} if {@code expression} parses, else why it does not. */
  static String problem(String expression) {
    String trimmed = expression.trim();
    int fields = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    if (fields != 5 && fields != 6) {
      return "it has " + fields + " field" + (fields == 1 ? "" : "s") + ", not 5 or 6";
    }
    try {
      (fields == 5 ? FIVE_FIELDS : SIX_FIELDS).parse(trimmed).validate();
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
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
