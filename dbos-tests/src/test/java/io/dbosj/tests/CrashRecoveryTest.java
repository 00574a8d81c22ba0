package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.tests.crash.CrashApp;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real thing: a child JVM runs a three-step workflow and is killed with SIGKILL right after
 * step two is checkpointed; a second JVM launches, recovers it, and finishes it. Each step's side
 * effect must have happened exactly once.
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

  private static Process launch(TestDatabase db, Path sideEffects, Path hold, String mode)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashApp.class.getName());
    command.add(db.url());
    command.add("crash-1");
    command.add(sideEffects.toString());
    command.add(hold.toString());
    command.add(mode);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.PIPE)
        .directory(new File(db.directory().toString()))
        .start();
  }

  private static void awaitStep(TestDatabase db, Process process, String workflowId, int functionId)
      throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "child JVM exited early: "
                + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
      try {
        if (db.steps(workflowId).size() > functionId) {
          return;
        }
      } catch (java.sql.SQLException notYetCreated) {
        // the child has not created the tables yet
      }
      Thread.sleep(20);
    }
    process.destroyForcibly();
    throw new AssertionError("step " + functionId + " of " + workflowId + " was never recorded");
  }
}
