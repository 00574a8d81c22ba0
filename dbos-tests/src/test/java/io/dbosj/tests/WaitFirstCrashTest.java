package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOSClient;
import io.dbosj.tests.crash.WaitFirstCrashApp;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.ChildJvm;
import io.dbosj.tests.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A workflow's {@code DBOS.waitFirst} chose leg a (it failed first) when its JVM is killed with
 * SIGKILL. Before a second JVM recovers it, leg a is resumed and held, and leg b finishes: a new
 * wait would now choose b, but the recovered workflow replays its recorded choice, a.
 */
class WaitFirstCrashTest {

  @BothDatabases
  void aRecoveredWorkflowKeepsTheChoiceItsWaitFirstRecorded(TestDatabase db) throws Exception {
    Path folder = db.directory();
    for (String hold : new String[] {"a", "b", "chooser"}) {
      Files.createFile(folder.resolve(hold + ".hold"));
    }
    Process first = ChildJvm.launch(db, WaitFirstCrashApp.class, db.url(), folder.toString(), "start");
    try {
      CrashRecoveryTest.awaitCount(db, first, operations(db, "leg"), 2); // both legs started;
      Files.delete(folder.resolve("a.hold"));
      CrashRecoveryTest.awaitCount(db, first, operations(db, "DBOS.waitFirst"), 1);
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      first.destroyForcibly();
    }
    assertThat(db.status("chooser")).isEqualTo("PENDING");
    assertThat(db.status("leg-a")).isEqualTo("ERROR");
    assertThat(db.status("leg-b")).isEqualTo("PENDING");

    // now leg a is unfinished again and leg b is the one to finish
    Files.createFile(folder.resolve("a.hold"));
    try (DBOSClient client = DBOSClient.connect(db.url())) {
      client.resumeWorkflow("leg-a");
    }
    Files.delete(folder.resolve("b.hold"));
    Process second = ChildJvm.launch(db, WaitFirstCrashApp.class, db.url(), folder.toString(), "recover");
    try {
      Await.until("leg b to finish in the recovering JVM", () -> "SUCCESS".equals(db.status("leg-b")), () -> db.status("leg-b"));
      assertThat(db.status("leg-a")).isIn("ENQUEUED", "PENDING");
      Files.delete(folder.resolve("chooser.hold"));
      String output = MessagesCrashTest.finish(second);
      assertThat(output).contains("RESULT: leg-a");
    } finally {
      second.destroyForcibly();
    }
    assertThat(db.steps("chooser")).containsExactly("0:leg", "1:leg", "2:DBOS.waitFirst", "3:pause");
  }

  private static String operations(TestDatabase db, String functionName) {
    return "SELECT COUNT(*) FROM " + db.table("operation_outputs")
        + " WHERE workflow_uuid = 'chooser' AND function_name = '" + functionName + "'";
  }
}
