package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.tests.crash.DelayedQueueCrashApp;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.ChildJvm;
import io.dbosj.tests.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SIGKILL while a partitioned queue's claims and a delay are recorded: the next process finishes
 * each task once, one per tenant at a time, and starts the delayed one no earlier than it was due.
 */
class DelayedQueueCrashTest {

  @BothDatabases
  void claimedPartitionTasksAndADelayedTaskOfAKilledProcessEachRunOnceInTheNext(TestDatabase db) throws Exception {
    Path sideEffects = db.directory().resolve("tasks.txt");
    Path hold = Files.createFile(db.directory().resolve("hold"));
    long due = System.currentTimeMillis() + 8_000;

    Process first = ChildJvm.launch(
        db, DelayedQueueCrashApp.class, db.url(), sideEffects.toString(), hold.toString(), "start", Long.toString(due));
    // each tenant's first task claimed and started: the partition limit lets no second one in
    CrashRecoveryTest.awaitCount(db, first,
        "SELECT COUNT(*) FROM " + db.table("workflow_status") + " WHERE queue_name = 'tenants' AND status = 'PENDING'", 2);
    CrashRecoveryTest.awaitCount(db, first,
        "SELECT COUNT(*) FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'later'", 1);
    Await.until("both tenants' first tasks to start their step",
        () -> first.isAlive() && Files.exists(sideEffects) && Files.readAllLines(sideEffects).size() == 2,
        () -> Files.exists(sideEffects) ? Files.readAllLines(sideEffects) : "no side effects; alive: " + first.isAlive());
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(db.rows("SELECT workflow_uuid, status FROM " + db.table("workflow_status") + " ORDER BY workflow_uuid"))
        .containsExactly(
            List.of("a-0", "PENDING"), List.of("a-1", "ENQUEUED"), List.of("a-2", "ENQUEUED"),
            List.of("b-0", "PENDING"), List.of("b-1", "ENQUEUED"), List.of("b-2", "ENQUEUED"),
            List.of("later", "DELAYED"));
    assertThat(Files.readAllLines(sideEffects)).containsExactlyInAnyOrder("start a-0", "start b-0");

    Files.delete(hold);
    Process second = ChildJvm.launch(db, DelayedQueueCrashApp.class, db.url(), sideEffects.toString(), hold.toString(), "recover");
    assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("recovering JVM finished").isTrue();
    String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(second.exitValue()).as(output).isZero();
    assertThat(output).contains("RESULT: [a-0 done, a-1 done, a-2 done, b-0 done, b-1 done, b-2 done, later done]");

    List<String> lines = Files.readAllLines(sideEffects);
    for (String task : List.of("a-1", "a-2", "b-1", "b-2", "later")) {
      assertThat(lines).as("side effects").containsOnlyOnce("start " + task).containsOnlyOnce("end " + task);
    }
    // a-0 and b-0 were killed inside their step, which runs again; it ends once
    assertThat(lines).containsOnlyOnce("end a-0").containsOnlyOnce("end b-0");
    for (String tenant : List.of("a", "b")) {
      // one task per tenant at a time, across the two processes: each ends before the next starts
      assertThat(lines.stream().filter(l -> l.endsWith(" " + tenant + "-0") || l.endsWith(" " + tenant + "-1") || l.endsWith(" " + tenant + "-2")))
          .containsSubsequence("end " + tenant + "-0", "start " + tenant + "-1", "end " + tenant + "-1", "start " + tenant + "-2", "end " + tenant + "-2");
    }
    long started = Long.parseLong(db.value(
        "SELECT started_at_epoch_ms FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'later'"));
    assertThat(started).as("the delayed task starts no earlier than it was due").isGreaterThanOrEqualTo(due);
  }
}
