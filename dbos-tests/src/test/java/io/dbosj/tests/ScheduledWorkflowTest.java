package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOS;
import io.dbosj.tests.fixtures.CatchingUpTickerDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Ticker;
import io.dbosj.tests.fixtures.TickerDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

class ScheduledWorkflowTest {

  @BothDatabases
  void anEverySecondScheduleRunsEachTickOnceAndMissesNone(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      new TickerDurable(dbos, journal);
      dbos.launch();
      Thread.sleep(4_300);
    }
    List<Instant> ticks = ticks(journal);

    assertThat(ticks).hasSizeGreaterThanOrEqualTo(3);
    assertConsecutiveSeconds(ticks);
    assertThat(scheduledRows(db, Ticker.class)).isEqualTo(ticks.size());
    assertThat(db.value("SELECT COUNT(*) FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?",
            "sched-" + Ticker.class.getName() + ".everySecond-" + ticks.get(0)))
        .isEqualTo("1");
  }

  @BothDatabases
  void twoProcessesSharingADatabaseStillRunEachTickOnce(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS first = db.builder().executorId("executor-a").build();
        DBOS second = db.builder().executorId("executor-b").build()) {
      new TickerDurable(first, journal);
      new TickerDurable(second, journal);
      first.launch();
      second.launch();
      Thread.sleep(4_300);
    }
    List<Instant> ticks = ticks(journal);

    assertThat(ticks).hasSizeGreaterThanOrEqualTo(3);
    assertConsecutiveSeconds(ticks);
    assertThat(scheduledRows(db, Ticker.class)).isEqualTo(ticks.size());
  }

  @BothDatabases
  void missedTicksAreNotRunByDefault(TestDatabase db) throws Exception {
    Instant stopped = runFor(db, new Journal(), false);
    Thread.sleep(3_000);
    Instant restarted = Instant.now();
    Journal after = new Journal();
    runFor(db, after, false);

    assertThat(ticks(after)).allMatch(tick -> !tick.isBefore(restarted.minusMillis(1_000)));
    assertThat(ticksBetween(db, Ticker.class, stopped, restarted.minusSeconds(1))).isZero();
  }

  @BothDatabases
  void catchUpRunsTheMostRecentMissedTicksUpToItsBound(TestDatabase db) throws Exception {
    Journal before = new Journal();
    runFor(db, before, true);
    Instant lastBefore = ticks(before).get(ticks(before).size() - 1);
    Thread.sleep(4_500);
    Instant restarted = Instant.now();
    Journal after = new Journal();
    runFor(db, after, true);

    List<Instant> caughtUp = new ArrayList<>();
    for (Instant tick : ticks(after)) {
      if (tick.isBefore(restarted)) {
        caughtUp.add(tick);
      }
    }
    // Three were missed-and-run; if the launch crossed a second boundary, the third lies just
    // after the instant we noted, so at least two are strictly before it.
    assertThat(caughtUp).hasSizeBetween(2, 3);
    assertConsecutiveSeconds(ticks(after));
    assertThat(ticks(after).get(0))
        .as("older missed ticks beyond the bound of 3 were not run")
        .isAfter(lastBefore.plusSeconds(1));
  }

  /** Launches a DBOS with the ticker for about 1.5 s; returns when it stopped. */
  private static Instant runFor(TestDatabase db, Journal journal, boolean catchingUp) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      if (catchingUp) {
        new CatchingUpTickerDurable(dbos, journal);
      } else {
        new TickerDurable(dbos, journal);
      }
      dbos.launch();
      Thread.sleep(1_500);
    }
    Thread.sleep(200);
    return Instant.now();
  }

  private static List<Instant> ticks(Journal journal) {
    TreeSet<Instant> unique = new TreeSet<>();
    List<Instant> all = new ArrayList<>();
    for (String entry : journal.entries()) {
      Instant tick = Instant.parse(entry);
      all.add(tick);
      unique.add(tick);
    }
    assertThat(all).as("no tick ran twice").hasSameSizeAs(unique);
    return new ArrayList<>(unique);
  }

  private static void assertConsecutiveSeconds(List<Instant> ticks) {
    for (int i = 1; i < ticks.size(); i++) {
      assertThat(ticks.get(i)).as("ticks %s", ticks).isEqualTo(ticks.get(i - 1).plusSeconds(1));
    }
  }

  private static int scheduledRows(TestDatabase db, Class<?> type) throws Exception {
    return Integer.parseInt(
        db.value(
            "SELECT COUNT(*) FROM " + db.table("workflow_status") + " WHERE workflow_uuid LIKE ? AND status = 'SUCCESS'",
            "sched-" + type.getName() + ".%"));
  }

  private static int ticksBetween(TestDatabase db, Class<?> type, Instant from, Instant to) throws Exception {
    int count = 0;
    for (List<String> row :
        db.rows("SELECT workflow_uuid FROM " + db.table("workflow_status") + " WHERE workflow_uuid LIKE ?",
            "sched-" + type.getName() + ".%")) {
      Instant tick = Instant.parse(row.get(0).substring(row.get(0).lastIndexOf(".everySecond-") + ".everySecond-".length()));
      if (tick.isAfter(from) && tick.isBefore(to)) {
        count++;
      }
    }
    return count;
  }

}
