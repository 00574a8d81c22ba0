package io.dbosj.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.examples.support.AppProcess;
import io.dbosj.examples.support.DbosCommand;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole tutorial as its README runs it, in a copy of examples/tutorial: the real
 * dbos-cli/bin/dbos, migrate then start, the app started from target/examples.jar by the folder's
 * dbos-config.yaml; stopped with Ctrl+C or SIGTERM as a person or a process manager does.
 */
class TutorialFolderIT {
  private static final Pattern STACK_LINE = Pattern.compile("^\\s+at \\S", Pattern.MULTILINE);

  @Test
  void migrateCreatesTheExampleTableAndTheSystemTables(@TempDir Path root) throws Exception {
    Path folder = DbosCommand.copyOfFolder("tutorial", root);

    DbosCommand.Result migrated = DbosCommand.run(folder, "migrate");

    assertThat(migrated.exit()).as(migrated.output()).isZero();
    assertThat(migrated.output())
        .contains("Applied 1 migration(s) to jdbc:sqlite:tutorial.sqlite")
        .contains("dbos migrate: system database sqlite:///tutorial.sqlite is at schema version 123")
        .doesNotContain("restricted method")
        .doesNotContain("Exception");
    assertThat(tables(folder.resolve("tutorial.sqlite")))
        .contains("example_table", "workflow_status", "operation_outputs", "transaction_outputs");
  }

  @Test
  void startServesEveryPartFromTheBuiltJarWithIdempotentRequests(@TempDir Path root) throws Exception {
    Path folder = DbosCommand.copyOfFolder("tutorial", root);
    assertThat(DbosCommand.run(folder, "migrate").exit()).isZero();

    long started = System.nanoTime();
    AppProcess app = AppProcess.dbosStart(folder);
    System.out.printf("dbos start to Listening: %.1f s%n", (System.nanoTime() - started) / 1e9);
    try {
      assertThat(app.get("/transaction", "tx-1").get().body()).isEqualTo("Row count: 1");
      assertThat(app.get("/transaction", "tx-1").get().body()).isEqualTo("Row count: 1");
      assertThat(app.get("/transaction", null).get().body()).isEqualTo("Row count: 2");
      var queue = app.get("/queue", "queue-1");
      assertThat(app.get("/workflow", "workflow-1").get().body()).isEqualTo("Workflow completed");
      assertThat(queue.get().body()).isEqualTo("Completed 10 steps");
      assertThat(app.post("/expenses", "employee=Ada&item=Train+to+Lyon&amount=120", "expense-1").body())
          .isEqualTo("Expense expense-1: waiting\n");
      assertThat(app.post("/approve/expense-1", "", null).body())
          .isEqualTo("Expense expense-1: approved. Paid 120 EUR to Ada for Train to Lyon\n");
      app.awaitOutput(out -> out.contains("I am a scheduled workflow. It is currently "), 10);
    } finally {
      app.terminate();
    }
    assertThat(app.output()).contains("dbos start: running java -jar ../target/examples.jar");
  }

  @Test
  void ctrlCStopsTheCommandAndTheAppWithOneLineEachAndNoStackTrace(@TempDir Path root) throws Exception {
    AppProcess app = startWithAWorkflowMidSleep(root);

    app.interruptGroup(); // fails if any process of the tree is left running

    assertStoppedCleanly(app);
  }

  @Test
  void sigtermToTheCommandStopsTheAppWithOneLineEachAndNoStackTrace(@TempDir Path root) throws Exception {
    AppProcess app = startWithAWorkflowMidSleep(root);

    app.terminate(); // SIGTERM to the dbos command only, as a process manager sends it

    assertStoppedCleanly(app);
  }

  /** dbos start, and a request whose workflow is in its durable sleeps when the app is stopped. */
  private static AppProcess startWithAWorkflowMidSleep(Path root) throws Exception {
    Path folder = DbosCommand.copyOfFolder("tutorial", root);
    AppProcess app = AppProcess.dbosStart(folder);
    assertThat(app.descendants()).as("the shell and the app's JVM").isNotEmpty();
    app.get("/workflow", "mid-sleep");
    app.awaitOutput(out -> AppProcess.count(out, "Press Control + C to stop the app...") >= 2, 30);
    return app;
  }

  private static void assertStoppedCleanly(AppProcess app) {
    String output = app.output();
    assertThat(AppProcess.count(output, "INFO DbosRuntime - DBOS closed")).as(output).isEqualTo(1);
    assertThat(AppProcess.count(output, "dbos start: stopped")).as(output).isEqualTo(1);
    assertThat(output).doesNotContain("Exception").doesNotContain("exited with status").doesNotContain("ERROR");
    assertThat(STACK_LINE.matcher(output).find()).as(output).isFalse();
    assertThatThrownBy(() -> new Socket("localhost", app.port()).close())
        .as("the app's port is closed")
        .isInstanceOf(ConnectException.class);
  }

  private static List<String> tables(Path sqlite) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }
}
