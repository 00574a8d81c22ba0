package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOSClient;
import io.dbosj.tests.crash.MessagesCrashApp;
import io.dbosj.tests.crash.ReceivingWorkflow;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.ChildJvm;
import io.dbosj.tests.support.Notifications;
import io.dbosj.tests.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A receiving workflow killed with SIGKILL in a child JVM, then recovered by a second one: a
 * message consumed before the kill is the recovered workflow's again and no other's, and a recv's
 * timeout is a deadline that the restart keeps.
 */
class MessagesCrashTest {

  @BothDatabases
  void aMessageReceivedBeforeAKillIsReceivedAgainOnRecoveryAndTheNextStaysForTheNextRecv(TestDatabase db)
      throws Exception {
    Path sideEffects = db.directory().resolve("handled.txt");
    Path hold = Files.createFile(db.directory().resolve("hold"));

    Process first = launch(db, "consumer", sideEffects, hold, "consume");
    try {
      CrashRecoveryTest.awaitCount(db, first, workflowCount(db, "consumer"), 1);
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        client.send("consumer", "m1", "orders");
        client.send("consumer", "m2", "orders");
      }
      CrashRecoveryTest.awaitCount(db, first, recvCount(db, "consumer"), 1);
    } finally {
      first.destroyForcibly();
    }
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(db.stepsWithoutWaits("consumer")).as("killed before handle(m1) was recorded").containsExactly("0:DBOS.recv");
    assertThat(MessagesTest.output(db, "consumer", 0)).isEqualTo("\"m1\"");
    assertThat(Notifications.of(db, "consumer"))
        .containsExactly("\"m1\" @orders consumed", "\"m2\" @orders unconsumed");
    assertThat(sideEffects).doesNotExist();

    Files.delete(hold);
    Process second = launch(db, "consumer", sideEffects, hold, "recover");
    String output = finish(second);

    assertThat(output).contains("RESULT: m1,m2");
    assertThat(Files.readAllLines(sideEffects)).containsExactly("handled m1", "handled m2");
    assertThat(db.stepsWithoutWaits("consumer")).containsExactly("0:DBOS.recv", "2:handle", "3:DBOS.recv", "5:handle");
    assertThat(MessagesTest.output(db, "consumer", 3)).isEqualTo("\"m2\"");
    assertThat(Notifications.of(db, "consumer")).containsExactly("\"m1\" @orders consumed", "\"m2\" @orders consumed");
    assertThat(db.status("consumer")).isEqualTo("SUCCESS");
  }

  @BothDatabases
  void aRecvTimeoutIsADeadlineThatARestartedProcessWaitsOnlyTheRestOf(TestDatabase db) throws Exception {
    Path sideEffects = db.directory().resolve("unused.txt");
    Path hold = db.directory().resolve("no-hold");
    long timeout = MessagesCrashApp.WAIT_MILLIS;

    long startedAt = System.currentTimeMillis();
    Process first = launch(db, "patient", sideEffects, hold, "wait");
    CrashRecoveryTest.awaitCount(
        db,
        first,
        "SELECT COUNT(*) FROM " + db.table("operation_outputs") + " WHERE workflow_uuid = 'patient' AND function_name = 'DBOS.sleep'",
        1);
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long deadline = Long.parseLong(MessagesTest.output(db, "patient", 1));
    assertThat(deadline).isBetween(startedAt + timeout, System.currentTimeMillis() + timeout);

    // the process stays down for half the timeout, so a recv that started its wait over would
    // finish half a timeout after the deadline
    Await.until(
        "half the timeout to pass while no process runs",
        () -> System.currentTimeMillis() >= deadline - timeout / 2,
        System::currentTimeMillis);
    long restartedAt = System.currentTimeMillis();
    Process second = launch(db, "patient", sideEffects, hold, "recover");
    String output = finish(second);

    assertThat(output).contains("RESULT: " + ReceivingWorkflow.NOTHING);
    assertThat(db.steps("patient")).containsExactly("0:DBOS.recv", "1:DBOS.sleep");
    assertThat(MessagesTest.output(db, "patient", 1)).as("the deadline is not recorded again").isEqualTo(String.valueOf(deadline));
    List<String> recvTimes =
        db.rows(
                "SELECT started_at_epoch_ms, completed_at_epoch_ms FROM " + db.table("operation_outputs")
                    + " WHERE workflow_uuid = 'patient' AND function_id = 0")
            .get(0);
    long resumedAt = Long.parseLong(recvTimes.get(0));
    long endedAt = Long.parseLong(recvTimes.get(1));
    assertThat(resumedAt).as("the recovered recv began its wait after the restart").isGreaterThan(restartedAt);
    assertThat(endedAt).as("the recovered recv waits until the recorded deadline").isGreaterThanOrEqualTo(deadline);
    assertThat(endedAt - resumedAt)
        .as("and no longer: a wait started over would last the full %d ms", timeout)
        .isLessThan(Math.max(0, deadline - resumedAt) + timeout / 4);
  }

  private static Process launch(TestDatabase db, String workflowId, Path sideEffects, Path hold, String mode)
      throws Exception {
    return ChildJvm.launch(db, MessagesCrashApp.class, db.url(), workflowId, sideEffects.toString(), hold.toString(), mode);
  }

  /** Waits for the child JVM to exit, asserts it succeeded, returns what it printed. */
  static String finish(Process process) throws Exception {
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(exited).as("child JVM finished; it printed: %s", output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static String workflowCount(TestDatabase db, String workflowId) {
    return "SELECT COUNT(*) FROM " + db.table("workflow_status") + " WHERE workflow_uuid = '" + workflowId + "'";
  }

  private static String recvCount(TestDatabase db, String workflowId) {
    return "SELECT COUNT(*) FROM " + db.table("operation_outputs")
        + " WHERE workflow_uuid = '" + workflowId + "' AND function_name = 'DBOS.recv'";
  }
}
