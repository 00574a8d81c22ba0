package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DbosException;
import io.dbosj.StartOptions;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import io.dbosj.tests.executors.ExecutorApp;
import io.dbosj.tests.executors.ExecutorAppDurable;
import io.dbosj.tests.executors.TickApp;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Ticker;
import io.dbosj.tests.fixtures.TickerDurable;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.ChildJvm;
import io.dbosj.tests.support.MutableClock;
import io.dbosj.tests.support.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Processes that know each other: each announces itself in {@code dbosj_executors}, no two live
 * processes share an executor ID, and a dead executor's work is taken over by one survivor.
 */
class ExecutorsTest {

  /** A workflow to run in each process. */
  public static class Greeter {
    @Step
    public String greeting(String name) {
      return "hello " + name;
    }

    @Workflow
    public String greet(String name) {
      return greeting(name);
    }
  }

  @BothDatabases
  void twoProcessesWithTheDefaultIdGetDistinctIdsAndBothRunWorkflows(TestDatabase db) throws Exception {
    try (DBOS first = db.builder().build();
        DBOS second = db.builder().adminServer(true).adminPort(0).build()) {
      ExecutorsTest_GreeterDurable one = new ExecutorsTest_GreeterDurable(first);
      ExecutorsTest_GreeterDurable two = new ExecutorsTest_GreeterDurable(second);
      first.launch();
      second.launch();

      assertThat(first.executorId()).isEqualTo("local");
      assertThat(second.executorId()).startsWith("local-").isNotEqualTo("local");
      assertThat(one.start(StartOptions.id("g-1")).greet("one").getResult()).isEqualTo("hello one");
      assertThat(two.start(StartOptions.id("g-2")).greet("two").getResult()).isEqualTo("hello two");
      assertThat(db.value("SELECT executor_id FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'g-1'"))
          .isEqualTo("local");
      assertThat(db.value("SELECT executor_id FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'g-2'"))
          .isEqualTo(second.executorId());

      HttpResponse<String> listed =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.adminPort() + "/dbos-executors")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.body())
          .contains("\"ExecutorID\":\"local\"", "\"ExecutorID\":\"" + second.executorId() + "\"")
          .contains("\"Pid\":" + ProcessHandle.current().pid(), "\"State\":\"alive\"");
    }
  }

  @BothDatabases
  void anExplicitIdHeldByALiveProcessIsRefusedNamingThatProcess(TestDatabase db) {
    try (DBOS first = db.builder().executorId("worker-a").build();
        DBOS second = db.builder().executorId("worker-a").build()) {
      first.launch();
      assertThatThrownBy(second::launch)
          .isInstanceOf(DbosException.class)
          .hasMessageContaining("executor ID \"worker-a\" is held by a live process: pid " + ProcessHandle.current().pid())
          .hasMessageContaining("DBOS_EXECUTOR_ID")
          .hasMessageContaining(".executorId(");
      assertThat(first.executorId()).isEqualTo("worker-a");
    }
  }

  @BothDatabases
  void closeMarksTheExecutorStoppedAndItsIdIsFreeAgain(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().executorId("worker-b").build()) {
      dbos.launch();
      assertThat(executorRow(db, "worker-b")).containsExactly(String.valueOf(ProcessHandle.current().pid()), null);
    }
    assertThat(executorRow(db, "worker-b").get(1)).as("stopped_at").isNotNull();

    try (DBOS again = db.builder().executorId("worker-b").build()) {
      again.launch();
      assertThat(again.executorId()).isEqualTo("worker-b");
      assertThat(executorRow(db, "worker-b").get(1)).as("stopped_at").isNull();
    }
    assertThat(db.value("SELECT MAX(version) FROM " + db.table("dbos_migrations")))
        .as("DBOS's migration number is untouched")
        .isEqualTo("123");
  }

  @BothDatabases
  void twoLiveProcessesWithOneExecutorIdStillRunEachTickOnce(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00.5Z"));
    Journal journal = new Journal();
    try (DBOS first = db.builder().executorId("shared").clock(clock).build();
        DBOS second = db.builder().executorId("shared").clock(clock).build()) {
      new TickerDurable(first, journal);
      new TickerDurable(second, journal);
      first.launch();
      // as if the first had stopped heartbeating for longer than the lease, and came back
      db.update("UPDATE " + db.table("dbosj_executors") + " SET stopped_at = 1 WHERE executor_id = 'shared'");
      second.launch();
      assertThat(second.executorId()).isEqualTo("shared");
      // the second's launch recovers the PENDING work of "shared", which it believes stopped: let it
      // finish before any tick exists, or it would rightly recover the first's running tick too
      second.recovery().get(30, java.util.concurrent.TimeUnit.SECONDS);

      clock.advance(Duration.ofSeconds(3));
      String succeeded =
          "SELECT COUNT(*) FROM " + db.table("workflow_status") + " WHERE name = 'everySecond' AND status = 'SUCCESS'";
      Await.until("three ticks", () -> Integer.parseInt(db.value(succeeded)) >= 3, () -> journal.entries());
    }
    assertThat(journal.entries()).hasSize(3).doesNotHaveDuplicates();
    assertThat(db.value("SELECT COUNT(*) FROM " + db.table("operation_outputs") + " WHERE workflow_uuid LIKE 'sched-"
            + Ticker.class.getName() + "%'"))
        .isEqualTo("3");
  }

  @BothDatabases
  void twoCopiesOfAScheduledProgramWithDefaultIdsRunEachTickOnce(TestDatabase db) throws Exception {
    Path ticks = db.directory().resolve("ticks.txt");
    Process first = ChildJvm.launch(db, TickApp.class, db.url(), db.directory().toString());
    Process second = ChildJvm.launch(db, TickApp.class, db.url(), db.directory().toString());
    try {
      String firstId = awaitReady(first);
      String secondId = awaitReady(second);
      assertThat(List.of(firstId, secondId)).as("distinct executor IDs").doesNotHaveDuplicates().contains("local");
      int before = lines(ticks).size();
      Await.until("three more ticks with both running", () -> lines(ticks).size() >= before + 3, () -> lines(ticks));
    } finally {
      first.destroyForcibly();
      second.destroyForcibly();
      first.waitFor(30, TimeUnit.SECONDS);
      second.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(lines(ticks)).as("no tick ran twice").doesNotHaveDuplicates();
  }

  @BothDatabases
  void aKilledExecutorsWorkIsTakenOverByOneOfTwoSurvivorsOnceAndItsQueuedTasksStopBlockingTheQueue(TestDatabase db) throws Exception {
    Path dir = db.directory();
    Files.createFile(dir.resolve("hold"));
    Process victim = ChildJvm.launch(db, ExecutorApp.class, db.url(), dir.toString(), "victim");
    awaitReady(victim);
    Path effects = dir.resolve("effects.txt");
    Await.until("the held workflow and two tasks entered", () -> lines(effects).size() >= 3, () -> lines(effects));
    assertThat(lines(effects)).containsExactlyInAnyOrder("enter held", "enter task-0", "enter task-1");
    // killed only once each "enter" is recorded: a step killed before its record is durable runs again
    String recorded = "SELECT COUNT(*) FROM " + db.table("operation_outputs") + " WHERE function_id = 0";
    Await.until("the three first steps recorded", () -> db.value(recorded).equals("3"), () -> db.value(recorded));

    victim.destroyForcibly();
    assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long killedAt = System.nanoTime();
    Files.delete(dir.resolve("hold"));

    try (DBOS one = survivor(db, "survivor-1", dir);
        DBOS two = survivor(db, "survivor-2", dir)) {
      one.launch();
      two.launch();

      String done = "SELECT COUNT(*) FROM " + db.table("workflow_status") + " WHERE status = 'SUCCESS'";
      Await.until("all four workflows finished", () -> db.value(done).equals("4"), () -> lines(effects));
      Duration tookOver = Duration.ofNanos(System.nanoTime() - killedAt);
      assertThat(tookOver).as("taken over within the lease and a few periods").isLessThan(Duration.ofSeconds(15));
    }
    String claimer =
        db.value("SELECT taken_over_by FROM " + db.table("dbosj_executors") + " WHERE executor_id = 'victim'");
    assertThat(claimer).isIn("survivor-1", "survivor-2");
    List<String> all = lines(effects);
    for (String name : List.of("held", "task-0", "task-1", "task-2")) {
      assertThat(all).as(all.toString()).containsOnlyOnce("enter " + name).containsOnlyOnce("leave " + name);
    }
    assertThat(db.value("SELECT executor_id FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'held'"))
        .as("the held workflow ran where it was claimed")
        .isEqualTo(claimer);
  }

  /** A survivor with the victim's short heartbeat and lease, running the same program. */
  private static DBOS survivor(TestDatabase db, String executorId, Path dir) {
    DBOS dbos =
        db.builder()
            .executorId(executorId)
            .heartbeatInterval(ExecutorApp.HEARTBEAT)
            .executorLease(ExecutorApp.LEASE)
            .build();
    dbos.register(ExecutorApp.QUEUE);
    new ExecutorAppDurable(dbos, dir);
    return dbos;
  }

  private static List<String> executorRow(TestDatabase db, String id) throws Exception {
    List<List<String>> rows =
        db.rows("SELECT pid, stopped_at FROM " + db.table("dbosj_executors") + " WHERE executor_id = ?", id);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static List<String> lines(Path file) throws Exception {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  /** Waits for the child's {@code READY <executorId>} line; returns the executor ID. */
  private static String awaitReady(Process process) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.startsWith("READY ")) {
        return line.substring("READY ".length()).trim();
      }
    }
    throw new AssertionError("child JVM exited early: " + seen);
  }
}
