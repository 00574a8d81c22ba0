package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.tests.crash.CrashApp;
import io.dbosj.tests.crash.ListingCrashApp;
import io.dbosj.tests.crash.QueueCrashApp;
import io.dbosj.tests.crash.TransactionCrashApp;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.ChildJvm;
import io.dbosj.tests.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real thing: a child JVM is killed with SIGKILL in the middle of its work; a second JVM
 * launches, recovers, and finishes it. Each step's side effect must have happened exactly once.
 */
class CrashRecoveryTest {

  @BothDatabases
  void aWorkflowKilledAfterStepTwoFinishesInTheNextProcessRunningEachStepOnce(TestDatabase db)
      throws Exception {
    Path sideEffects = db.directory().resolve("side-effects.txt");
    Path hold = Files.createFile(db.directory().resolve("hold"));

    Process first = launch(db, sideEffects, hold, "start");
    awaitStep(db, first, "crash-1", 1);
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isEqualTo(137);

    assertThat(Files.readAllLines(sideEffects)).containsExactly("step1", "step2");
    assertThat(db.status("crash-1")).isEqualTo("PENDING");

    Files.delete(hold);
    Process second = launch(db, sideEffects, hold, "recover");
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("recovering JVM finished").isTrue();
    String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(second.exitValue()).as(output).isZero();
    assertThat(output).contains("RESULT: result 50");
    assertThat(Files.readAllLines(sideEffects)).containsExactly("step1", "step2", "step3");
    assertThat(db.status("crash-1")).isEqualTo("SUCCESS");
    assertThat(db.steps("crash-1")).containsExactly("0:stepOne", "1:stepTwo", "2:stepThree");
  }

  @BothDatabases
  void queuedTasksOfAKilledProcessRunOnceEachAndTheWorkflowGathersAllTen(TestDatabase db)
      throws Exception {
    Path sideEffects = db.directory().resolve("tasks.txt");
    Path hold = Files.createFile(db.directory().resolve("hold"));

    Process first = ChildJvm.launch(db, QueueCrashApp.class, db.url(), sideEffects.toString(), hold.toString(), "start");
    awaitCount(db, first, "SELECT COUNT(*) FROM " + db.table("workflow_status") + " WHERE queue_name = 'tasks' AND status = 'SUCCESS'", 5);
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(Files.readAllLines(sideEffects))
        .containsExactly("task 0", "task 1", "task 2", "task 3", "task 4");
    assertThat(db.status("fan-out")).isEqualTo("PENDING");

    Files.delete(hold);
    Process second = ChildJvm.launch(db, QueueCrashApp.class, db.url(), sideEffects.toString(), hold.toString(), "recover");
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("recovering JVM finished").isTrue();
    String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(second.exitValue()).as(output).isZero();
    assertThat(output).contains("RESULT: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90]");
    List<String> lines = Files.readAllLines(sideEffects);
    assertThat(lines).hasSize(10);
    for (int i = 0; i < 10; i++) {
      assertThat(lines).as("side effects").containsOnlyOnce("task " + i);
    }
    assertThat(lines.subList(0, 5)).containsExactly("task 0", "task 1", "task 2", "task 3", "task 4");
    assertThat(db.status("fan-out")).isEqualTo("SUCCESS");
  }

  @BothDatabases
  void aTransactionCommittedBeforeAKillIsNotRunAgain(TestDatabase db) throws Exception {
    db.createExampleTable();
    Path hold = Files.createFile(db.directory().resolve("hold"));

    Process first = ChildJvm.launch(db, TransactionCrashApp.class, db.url(), hold.toString(), "start");
    awaitCount(db, first, "SELECT COUNT(*) FROM " + db.table("transaction_outputs") + " WHERE workflow_uuid = 'tx-crash'", 1);
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(db.value("SELECT COUNT(*) FROM example_table")).isEqualTo("1");

    Files.delete(hold);
    Process second = ChildJvm.launch(db, TransactionCrashApp.class, db.url(), hold.toString(), "recover");
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("recovering JVM finished").isTrue();
    String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(second.exitValue()).as(output).isZero();
    assertThat(output).contains("RESULT: 1");
    assertThat(db.value("SELECT COUNT(*) FROM example_table")).isEqualTo("1");
    assertThat(db.status("tx-crash")).isEqualTo("SUCCESS");
  }

  @BothDatabases
  void aTransactionKilledBeforeItsListingIsWrittenIsListedOnRecoveryWithoutRunningAgain(TestDatabase db)
      throws Exception {
    TestDatabase app = db.separateApplicationDatabase();
    app.createExampleTable();
    Path hold = Files.createFile(db.directory().resolve("hold"));

    Process first = ChildJvm.launch(db, ListingCrashApp.class, db.url(), app.url(), hold.toString(), "start");
    awaitCount(app, first, "SELECT COUNT(*) FROM " + app.table("transaction_outputs") + " WHERE workflow_uuid = 'listing-crash'", 1);
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(app.value("SELECT COUNT(*) FROM example_table")).isEqualTo("1");
    assertThat(db.steps("listing-crash")).as("killed before the listing was written").isEmpty();

    Files.delete(hold);
    Process second = ChildJvm.launch(db, ListingCrashApp.class, db.url(), app.url(), hold.toString(), "recover");
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("recovering JVM finished").isTrue();
    String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(second.exitValue()).as(output).isZero();
    assertThat(output).contains("RESULT: 1");
    assertThat(app.value("SELECT COUNT(*) FROM example_table")).isEqualTo("1");
    assertThat(db.steps("listing-crash")).containsExactly("0:insertRow", "1:countRows");
    assertThat(db.status("listing-crash")).isEqualTo("SUCCESS");
  }

  private static Process launch(TestDatabase db, Path sideEffects, Path hold, String mode)
      throws Exception {
    return ChildJvm.launch(db, CrashApp.class, db.url(), "crash-1", sideEffects.toString(), hold.toString(), mode);
  }

  private static void awaitStep(TestDatabase db, Process process, String workflowId, int functionId)
      throws Exception {
    awaitCount(
        db,
        process,
        "SELECT COUNT(*) FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = '" + workflowId + "'",
        functionId + 1);
  }

  /** Waits until {@code countQuery} reaches {@code expected}, while the child JVM lives. */
  static void awaitCount(TestDatabase db, Process process, String countQuery, int expected)
      throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "child JVM exited early: "
                + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
      try {
        if (Integer.parseInt(db.value(countQuery)) >= expected) {
          return;
        }
      } catch (java.sql.SQLException notYetCreated) {
        // the child has not created the tables yet
      }
      Thread.sleep(20);
    }
    process.destroyForcibly();
    throw new AssertionError(countQuery + " never reached " + expected);
  }
}
