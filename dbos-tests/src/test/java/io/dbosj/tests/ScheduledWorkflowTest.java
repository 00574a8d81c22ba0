package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOS;
import io.dbosj.tests.fixtures.CatchingUpTicker;
import io.dbosj.tests.fixtures.CatchingUpTickerDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Ticker;
import io.dbosj.tests.fixtures.TickerDurable;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.MutableClock;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code @Scheduled("* * * * * *")} workflows, with time driven by a {@link MutableClock}: the test
 * moves the clock and waits for the ticks' workflows to finish, so no test waits for real seconds
 * to pass except the one that checks the system clock.
 */
class ScheduledWorkflowTest {
  /** Half a second past a tick, so no launch falls on a tick's instant. */
  private static final Instant START = Instant.parse("2030-01-01T00:00:00.500Z");

  private static Instant second(int n) {
    return Instant.parse("2030-01-01T00:00:00Z").plusSeconds(n);
  }

  @BothDatabases
  void movingTheClockThreeSecondsRunsExactlyTheThreeTicksItPassed(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(START);
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().clock(clock).build()) {
      new TickerDurable(dbos, journal);
      dbos.launch();

      clock.advance(Duration.ofSeconds(3));
      awaitTicks(db, Ticker.class, 3);
      assertThat(ticks(journal)).containsExactly(second(1), second(2), second(3));

      clock.advance(Duration.ofSeconds(1));
      awaitTicks(db, Ticker.class, 4);
    }

    assertThat(ticks(journal)).containsExactly(second(1), second(2), second(3), second(4));
    assertThat(tickRows(db, Ticker.class)).containsExactly(second(1), second(2), second(3), second(4));
    assertThat(db.value("SELECT COUNT(*) FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?",
            "sched-" + Ticker.class.getName() + ".everySecond-" + second(1)))
        .isEqualTo("1");
  }

  @BothDatabases
  void twoProcessesSharingADatabaseStillRunEachTickOnce(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(START);
    Journal journal = new Journal();
    try (DBOS first = db.builder().executorId("executor-a").clock(clock).build();
        DBOS second = db.builder().executorId("executor-b").clock(clock).build()) {
      new TickerDurable(first, journal);
      new TickerDurable(second, journal);
      first.launch();
      second.launch();

      clock.advance(Duration.ofSeconds(3)); // both schedulers see these ticks due at once
      awaitTicks(db, Ticker.class, 3);
    }

    assertThat(ticks(journal)).containsExactly(second(1), second(2), second(3));
    assertThat(tickRows(db, Ticker.class)).containsExactly(second(1), second(2), second(3));
  }

  @BothDatabases
  void missedTicksAreNotRunByDefault(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(START);
    runOneTick(db, clock, new Journal(), false);
    clock.advance(Duration.ofSeconds(3)); // no process runs through ticks 2, 3 and 4

    Journal after = new Journal();
    try (DBOS dbos = db.builder().clock(clock).build()) {
      new TickerDurable(dbos, after);
      dbos.launch();
      clock.advance(Duration.ofSeconds(1));
      awaitTicks(db, Ticker.class, 2);
    }

    assertThat(ticks(after)).containsExactly(second(5));
    assertThat(tickRows(db, Ticker.class)).containsExactly(second(1), second(5));
  }

  @BothDatabases
  void catchUpRunsTheMostRecentMissedTicksUpToItsBound(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(START);
    runOneTick(db, clock, new Journal(), true);
    clock.advance(Duration.ofSeconds(5)); // ticks 2 to 6 missed; the bound is 3

    Journal after = new Journal();
    try (DBOS dbos = db.builder().clock(clock).build()) {
      new CatchingUpTickerDurable(dbos, after);
      dbos.launch();
      awaitTicks(db, CatchingUpTicker.class, 1 + 3);
      assertThat(ticks(after)).as("the three most recent missed ticks").containsExactly(second(4), second(5), second(6));

      clock.advance(Duration.ofSeconds(1));
      awaitTicks(db, CatchingUpTicker.class, 1 + 3 + 1);
    }

    assertThat(ticks(after)).containsExactly(second(4), second(5), second(6), second(7));
    assertThat(tickRows(db, CatchingUpTicker.class))
        .containsExactly(second(1), second(4), second(5), second(6), second(7));
  }

  /** The default clock is the system's: ticks come as real seconds pass. */
  @BothDatabases
  void withTheSystemClockTicksFallDueAsRealTimePasses(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    Instant launched;
    try (DBOS dbos = db.builder().build()) {
      new TickerDurable(dbos, journal);
      launched = Instant.now();
      dbos.launch();
      awaitTicks(db, Ticker.class, 2);
    }
    List<Instant> ticks = ticks(journal);

    assertThat(ticks).hasSizeGreaterThanOrEqualTo(2);
    assertThat(ticks.get(0)).as("no tick from before launch").isAfter(launched);
    for (int i = 1; i < ticks.size(); i++) {
      assertThat(ticks.get(i)).as("ticks %s", ticks).isEqualTo(ticks.get(i - 1).plusSeconds(1));
    }
    // close() may interrupt a tick that had just begun; every one that finished is in the journal
    assertThat(ticks).containsAll(tickRows(db, Ticker.class));
  }

  /** Launches a DBOS with a ticker, moves the clock past one tick and stops once it has run. */
  private static void runOneTick(TestDatabase db, MutableClock clock, Journal journal, boolean catchingUp)
      throws Exception {
    try (DBOS dbos = db.builder().clock(clock).build()) {
      if (catchingUp) {
        new CatchingUpTickerDurable(dbos, journal);
      } else {
        new TickerDurable(dbos, journal);
      }
      dbos.launch();
      clock.advance(Duration.ofSeconds(1));
      awaitTicks(db, catchingUp ? CatchingUpTicker.class : Ticker.class, 1);
    }
    assertThat(ticks(journal)).containsExactly(second(1));
  }

  /** Waits until {@code count} ticks' workflows of {@code type} have succeeded. */
  private static void awaitTicks(TestDatabase db, Class<?> type, int count) throws Exception {
    Await.until(count + " succeeded ticks of " + type.getSimpleName(), () -> tickRows(db, type).size() >= count,
        () -> tickRows(db, type));
  }

  /** The journal's ticks in order, each asserted to have run once. */
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

  /** The scheduled instants of the succeeded tick workflows of {@code type}, read from their IDs. */
  private static List<Instant> tickRows(TestDatabase db, Class<?> type) throws Exception {
    String prefix = "sched-" + type.getName() + ".everySecond-";
    TreeSet<Instant> ticks = new TreeSet<>();
    for (List<String> row :
        db.rows("SELECT workflow_uuid FROM " + db.table("workflow_status") + " WHERE workflow_uuid LIKE ? AND status = 'SUCCESS'",
            prefix + "%")) {
      ticks.add(Instant.parse(row.get(0).substring(prefix.length())));
    }
    return new ArrayList<>(ticks);
  }
}
