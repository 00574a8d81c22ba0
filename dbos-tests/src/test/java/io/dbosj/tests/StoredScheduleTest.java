package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.DbosException;
import io.dbosj.ScheduleOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.WorkflowSchedule;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Reporter;
import io.dbosj.tests.fixtures.ReporterDurable;
import io.dbosj.tests.support.AdminHttp;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.MutableClock;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Schedules kept in {@code dbos.workflow_schedules}, with time driven by a {@link MutableClock}:
 * each test moves the clock and waits for the ticks' workflows, so none waits for real seconds
 * except the one whose schedule another process creates.
 */
class StoredScheduleTest {
  /** Half a second past a tick, so no launch falls on a tick's instant. */
  private static final Instant START = Instant.parse("2030-01-01T00:00:00.500Z");
  private static final String EVERY_SECOND = "* * * * * *";

  private static Instant second(int n) {
    return Instant.parse("2030-01-01T00:00:00Z").plusSeconds(n);
  }

  private static WorkflowSchedule create(DBOS dbos, String name, ScheduleOptions options) {
    return dbos.createSchedule(name, Reporter.class, "report", EVERY_SECOND, options);
  }

  @BothDatabases
  void aCreatedScheduleStartsItsWorkflowOnceAtEachTickWithItsContext(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(START);
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().clock(clock).build()) {
      new ReporterDurable(dbos, journal);
      dbos.launch();
      WorkflowSchedule created = create(dbos, "reports", ScheduleOptions.defaults().context("eu"));
      assertThat(created.status()).isEqualTo(WorkflowSchedule.Status.ACTIVE);
      assertThat(created.context()).isEqualTo("eu");
      assertThat(created.lastFiredAt()).isNull();

      clock.advance(Duration.ofSeconds(3));
      awaitTicks(db, "reports", 3);

      assertThat(entries(journal)).containsExactly(
          second(1) + "|eu", second(2) + "|eu", second(3) + "|eu");
      assertThat(db.status("sched-reports-2030-01-01T00:00:01.000Z")).as("DBOS's tick ID").isEqualTo("SUCCESS");
      assertThat(db.value("SELECT schedule_name FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?",
              "sched-reports-2030-01-01T00:00:01.000Z"))
          .as("the tick names its schedule, as DBOS's do").isEqualTo("reports");
      Await.until("last_fired_at is the third tick", () -> second(3).equals(dbos.getSchedule("reports").orElseThrow().lastFiredAt()),
          () -> dbos.getSchedule("reports"));
      assertThat(db.value("SELECT last_fired_at FROM " + db.table("workflow_schedules") + " WHERE schedule_name = ?", "reports"))
          .isEqualTo("2030-01-01T00:00:03.000Z");
      assertThat(dbos.listSchedules()).extracting(WorkflowSchedule::scheduleName).containsExactly("reports");
      assertThat(db.value("SELECT context FROM " + db.table("workflow_schedules") + " WHERE schedule_name = ?", "reports"))
          .as("as DBOS TS 5.3 writes it, so its tools parse it").isEqualTo("{\"json\":\"eu\",\"__dbos_serializer\":\"superjson\"}");
    }
  }

  @BothDatabases
  void aPausedScheduleFiresNothingUntilItIsResumed(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(START);
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().clock(clock).build()) {
      new ReporterDurable(dbos, journal);
      dbos.launch();
      create(dbos, "paused", ScheduleOptions.defaults().context("p"));
      create(dbos, "witness", ScheduleOptions.defaults().context("w"));
      dbos.pauseSchedule("paused");
      assertThat(dbos.getSchedule("paused").orElseThrow().status()).isEqualTo(WorkflowSchedule.Status.PAUSED);

      clock.advance(Duration.ofSeconds(3));
      awaitTicks(db, "witness", 3); // one pass fires every due schedule: the paused one would have fired by now
      assertThat(tickRows(db, "paused")).isEmpty();

      dbos.resumeSchedule("paused");
      clock.advance(Duration.ofSeconds(1));
      awaitTicks(db, "paused", 1);
      awaitTicks(db, "witness", 4);
    }
    assertThat(tickRows(db, "paused")).as("from the tick after its resume").containsExactly(second(4));
    assertThat(entries(journal)).filteredOn(e -> e.endsWith("|p")).containsExactly(second(4) + "|p");
  }

  @BothDatabases
  void aDeletedScheduleFiresNoMore(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(START);
    try (DBOS dbos = db.builder().clock(clock).build()) {
      new ReporterDurable(dbos, new Journal());
      dbos.launch();
      create(dbos, "doomed", ScheduleOptions.defaults());
      create(dbos, "witness", ScheduleOptions.defaults());
      clock.advance(Duration.ofSeconds(1));
      awaitTicks(db, "doomed", 1);

      dbos.deleteSchedule("doomed");
      assertThat(dbos.getSchedule("doomed")).isEmpty();
      clock.advance(Duration.ofSeconds(2));
      awaitTicks(db, "witness", 3);
    }
    assertThat(tickRows(db, "doomed")).containsExactly(second(1));
  }

  @BothDatabases
  void aBackfillRunsEachTickOfItsRangeOnceHoweverOftenItIsAskedFor(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(START);
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().clock(clock).build()) {
      new ReporterDurable(dbos, journal);
      dbos.launch();
      create(dbos, "history", ScheduleOptions.defaults().context("h"));

      List<WorkflowHandle<Object>> first = dbos.backfillSchedule("history", second(-5), second(-2));
      assertThat(first).extracting(WorkflowHandle::workflowId).containsExactly(
          "sched-history-2029-12-31T23:59:55.000Z", "sched-history-2029-12-31T23:59:56.000Z",
          "sched-history-2029-12-31T23:59:57.000Z");
      first.forEach(WorkflowHandle::getResult);

      List<WorkflowHandle<Object>> again = dbos.backfillSchedule("history", second(-6), second(-2));
      assertThat(again).hasSize(4);
      again.forEach(WorkflowHandle::getResult);
    }
    assertThat(entries(journal)).as("each tick once, end excluded").containsExactly(
        second(-6) + "|h", second(-5) + "|h", second(-4) + "|h", second(-3) + "|h");
  }

  @BothDatabases
  void aTriggerRunsTheWorkflowNowWithThisInstantAsItsTick(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(START);
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().clock(clock).build()) {
      new ReporterDurable(dbos, journal);
      dbos.launch();
      create(dbos, "manual", ScheduleOptions.defaults().context("now"));
      dbos.pauseSchedule("manual"); // a trigger runs a paused schedule too

      WorkflowHandle<Object> handle = dbos.triggerSchedule("manual");
      handle.getResult();
      assertThat(handle.workflowId()).isEqualTo("sched-manual-trigger-2030-01-01T00:00:00.500Z");
    }
    assertThat(journal.entries()).containsExactly(START + "|now");
  }

  @BothDatabases
  void twoProcessesSharingADatabaseFireEachTickOnce(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(START);
    Journal journal = new Journal();
    try (DBOS setup = db.builder().build()) {
      setup.launch(); // creates the schema the client connects to
    }
    try (DBOSClient client = DBOSClient.connect(db.url())) { // before the launches: both find it at launch
      client.createSchedule("shared", Reporter.class, "report", EVERY_SECOND, ScheduleOptions.defaults().context("s"));
    }
    try (DBOS first = db.builder().executorId("executor-a").clock(clock).build();
        DBOS second = db.builder().executorId("executor-b").clock(clock).build()) {
      new ReporterDurable(first, journal);
      new ReporterDurable(second, journal);
      first.launch();
      second.launch();

      clock.advance(Duration.ofSeconds(3)); // both runners find these ticks due at once
      awaitTicks(db, "shared", 3);
    }
    assertThat(entries(journal)).containsExactly(second(1) + "|s", second(2) + "|s", second(3) + "|s");
  }

  @BothDatabases
  void automaticBackfillRunsTheTicksMissedWhileNoProcessRan(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(START);
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().clock(clock).build()) {
      new ReporterDurable(dbos, journal);
      dbos.launch();
      create(dbos, "catch-up", ScheduleOptions.defaults().automaticBackfill(true));
      create(dbos, "no-catch-up", ScheduleOptions.defaults());
      clock.advance(Duration.ofSeconds(1));
      awaitTicks(db, "catch-up", 1);
      awaitTicks(db, "no-catch-up", 1);
      Await.until("tick 1 recorded as fired", () -> dbos.getSchedule("no-catch-up").orElseThrow().lastFiredAt() != null,
          dbos::listSchedules);
    }
    clock.advance(Duration.ofSeconds(3)); // ticks 2, 3 and 4 pass with no process running

    try (DBOS dbos = db.builder().clock(clock).build()) {
      new ReporterDurable(dbos, journal);
      dbos.launch();
      awaitTicks(db, "catch-up", 4);
      clock.advance(Duration.ofSeconds(1));
      awaitTicks(db, "catch-up", 5);
      awaitTicks(db, "no-catch-up", 2);
    }
    assertThat(tickRows(db, "catch-up")).containsExactly(second(1), second(2), second(3), second(4), second(5));
    assertThat(tickRows(db, "no-catch-up")).containsExactly(second(1), second(5));
  }

  /** Real time: the running process has to read the table again to find the client's schedule. */
  @BothDatabases
  void aScheduleTheClientCreatesIsRunByAProcessAlreadyRunning(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      new ReporterDurable(dbos, journal);
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        client.createSchedule("from-client", Reporter.class.getName(), "report", EVERY_SECOND,
            ScheduleOptions.defaults().context("c"));
        assertThat(client.getSchedule("from-client")).isPresent();
        awaitTicks(db, "from-client", 1);
        client.deleteSchedule("from-client");
      }
    }
    assertThat(journal.entries()).isNotEmpty().allMatch(e -> e.endsWith("|c"));
  }

  @BothDatabases
  void badInputIsRejectedSayingWhatIsWrongAndHowToFixIt(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      new ReporterDurable(dbos, new Journal());
      dbos.launch();
      ScheduleOptions none = ScheduleOptions.defaults();
      assertThatThrownBy(() -> dbos.createSchedule("s", "com.example.Missing", "report", EVERY_SECOND, none))
          .isInstanceOf(DbosException.class).hasMessageContaining("com.example.Missing").hasMessageContaining("before launch()");
      assertThatThrownBy(() -> dbos.createSchedule("s", Reporter.class, "nope", EVERY_SECOND, none))
          .isInstanceOf(DbosException.class).hasMessageContaining("no @Workflow named 'nope'");
      assertThatThrownBy(() -> dbos.createSchedule("s", Reporter.class, "greet", EVERY_SECOND, none))
          .isInstanceOf(DbosException.class).hasMessageContaining("(Instant scheduledTime, T context)");
      assertThatThrownBy(() -> dbos.createSchedule("s", Reporter.class, "report", "61 * * * *", none))
          .isInstanceOf(DbosException.class).hasMessageContaining("\"61 * * * *\" does not parse");
      assertThatThrownBy(() -> dbos.createSchedule("s", Reporter.class, "report", EVERY_SECOND, none.timeZone("Mars/Olympus")))
          .isInstanceOf(DbosException.class).hasMessageContaining("'Mars/Olympus' is not a zone ID");
      assertThat(dbos.listSchedules()).isEmpty();

      dbos.createSchedule("s", Reporter.class, "report", EVERY_SECOND, none);
      assertThatThrownBy(() -> dbos.createSchedule("s", Reporter.class, "report", EVERY_SECOND, none))
          .isInstanceOf(DbosException.class).hasMessageContaining("a schedule named 's' already exists");
      for (Runnable call : List.<Runnable>of(
          () -> dbos.pauseSchedule("ghost"), () -> dbos.resumeSchedule("ghost"), () -> dbos.deleteSchedule("ghost"),
          () -> dbos.triggerSchedule("ghost"), () -> dbos.backfillSchedule("ghost", second(0), second(1)))) {
        assertThatThrownBy(call::run).isInstanceOf(DbosException.class)
            .hasMessageContaining("no schedule named 'ghost'").hasMessageContaining("dbos schedule list");
      }
    }
  }

  @BothDatabases
  void theAdminServerListsPausesResumesTriggersAndBackfillsSchedules(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(START);
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().clock(clock).adminServer(true).adminPort(0).build()) {
      new ReporterDurable(dbos, journal);
      dbos.launch();
      create(dbos, "ops", ScheduleOptions.defaults().context("a").timeZone("Europe/Paris"));
      AdminHttp admin = new AdminHttp(dbos);

      JsonNode listed = admin.ok(admin.get("/schedules"));
      assertThat(listed).hasSize(1);
      assertThat(listed.get(0).get("schedule_name").asString()).isEqualTo("ops");
      assertThat(listed.get(0).get("schedule").asString()).isEqualTo(EVERY_SECOND);
      assertThat(listed.get(0).get("cron_timezone").asString()).isEqualTo("Europe/Paris");
      assertThat(listed.get(0).get("workflow_class_name").asString()).isEqualTo(Reporter.class.getName());

      assertThat(admin.post("/schedules/ops/pause", null).statusCode()).isEqualTo(204);
      assertThat(admin.ok(admin.get("/schedules/ops")).get("status").asString()).isEqualTo("PAUSED");
      assertThat(admin.post("/schedules/ops/resume", null).statusCode()).isEqualTo(204);
      assertThat(dbos.getSchedule("ops").orElseThrow().status()).isEqualTo(WorkflowSchedule.Status.ACTIVE);

      String triggered = admin.ok(admin.post("/schedules/ops/trigger", null)).get("workflow_id").asString();
      assertThat(triggered).isEqualTo("sched-ops-trigger-2030-01-01T00:00:00.500Z");
      dbos.retrieveWorkflow(triggered).getResult();

      JsonNode filled = admin.ok(admin.post("/schedules/ops/backfill",
          "{\"start\": \"2029-12-31T23:59:58Z\", \"end\": \"2030-01-01T00:00:00Z\"}"));
      assertThat(filled.get("workflow_ids")).extracting(JsonNode::asString).containsExactly(
          "sched-ops-2029-12-31T23:59:58.000Z", "sched-ops-2029-12-31T23:59:59.000Z");
      awaitTicks(db, "ops", 2);

      assertThat(admin.get("/schedules/ghost").statusCode()).isEqualTo(404);
      assertThat(admin.post("/schedules/ghost/pause", null).statusCode()).isEqualTo(404);
      assertThat(admin.post("/schedules/ops/backfill", "{\"start\": \"2030-01-01T00:00:00Z\"}").statusCode()).isEqualTo(400);
    }
    assertThat(entries(journal)).containsExactly(
        second(-2) + "|a", second(-1) + "|a", START + "|a");
  }

  /** Waits until {@code count} ticks of the schedule have succeeded. */
  private static void awaitTicks(TestDatabase db, String schedule, int count) throws Exception {
    Await.until(count + " succeeded ticks of " + schedule, () -> tickRows(db, schedule).size() >= count,
        () -> tickRows(db, schedule));
  }

  /** The journal's entries sorted, each asserted to be there once. */
  private static List<String> entries(Journal journal) {
    TreeSet<String> unique = new TreeSet<>(journal.entries());
    assertThat(journal.entries()).as("no tick ran twice").hasSameSizeAs(unique);
    return new ArrayList<>(unique);
  }

  /** The ticks of the schedule's succeeded workflows (not its triggers), read from their IDs. */
  private static List<Instant> tickRows(TestDatabase db, String schedule) throws Exception {
    String prefix = "sched-" + schedule + "-";
    TreeSet<Instant> ticks = new TreeSet<>();
    for (List<String> row :
        db.rows("SELECT workflow_uuid FROM " + db.table("workflow_status") + " WHERE workflow_uuid LIKE ? AND status = 'SUCCESS'",
            prefix + "2%")) {
      ticks.add(Instant.parse(row.get(0).substring(prefix.length())));
    }
    return new ArrayList<>(ticks);
  }
}
