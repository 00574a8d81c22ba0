package io.dbosj.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cronutils.model.time.ExecutionTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronDialectTest {
  private static final ZonedDateTime MONDAY_NOON =
      ZonedDateTime.of(2026, 11, 30, 12, 0, 0, 0, ZoneOffset.UTC);

  private static ZonedDateTime nextAfter(String expression, ZonedDateTime time) {
    return ExecutionTime.forCron(CronDialect.parse(expression)).nextExecution(time).orElseThrow();
  }

  @Test
  void fiveFieldsAreUnixCronStartingWithMinutes() {
    assertThat(nextAfter("15 * * * *", MONDAY_NOON)).isEqualTo(MONDAY_NOON.withMinute(15));
  }

  @Test
  void sixFieldsStartWithSeconds() {
    assertThat(nextAfter("*/5 * * * * *", MONDAY_NOON)).isEqualTo(MONDAY_NOON.withSecond(5));
  }

  @Test
  void inSixFieldsSundayIsBothZeroAndSeven() {
    ZonedDateTime sunday = MONDAY_NOON.plusDays(6).withHour(0);
    assertThat(nextAfter("0 0 0 * * 0", MONDAY_NOON)).isEqualTo(sunday);
    assertThat(nextAfter("0 0 0 * * 7", MONDAY_NOON)).isEqualTo(sunday);
  }

  @Test
  void surroundingBlanksAreIgnored() {
    assertThat(CronDialect.problem("  0 9 * * MON-FRI ")).isEmpty();
  }

  @Test
  void aWrongNumberOfFieldsIsNamed() {
    assertThat(CronDialect.problem("* * *")).contains("it has 3 fields, not 5 or 6");
    assertThat(CronDialect.problem("")).contains("it has 0 fields, not 5 or 6");
    assertThatThrownBy(() -> CronDialect.parse("*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cron expression \"*\" has 1 field, not 5 or 6");
  }

  @Test
  void aValueOutOfRangeIsNamed() {
    assertThat(CronDialect.problem("61 * * * *")).hasValueSatisfying(
        problem -> assertThat(problem).contains("Value 61 not in range"));
    assertThatThrownBy(() -> CronDialect.parse("61 * * * *"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
