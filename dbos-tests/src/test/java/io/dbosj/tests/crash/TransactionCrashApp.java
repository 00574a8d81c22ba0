package io.dbosj.tests.crash;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Transaction;
import io.dbosj.annotation.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code TransactionCrashApp <url> <holdFile> start|recover}: a workflow inserts a row in a
 * transaction, then (while the hold file exists) waits before counting the rows.
 */
public class TransactionCrashApp {
  private final Path hold;

  public TransactionCrashApp(Path hold) {
    this.hold = hold;
  }

  @Transaction
  public int insertRow() {
    return DBOS.sql().insertInto(table(name("example_table"))).set(field(name("name")), "dbos").execute();
  }

  @Step
  public void waitWhileHeld() throws InterruptedException {
    while (Files.exists(hold)) {
      Thread.sleep(50);
    }
  }

  @Transaction
  public int countRows() {
    return DBOS.sql().fetchCount(table(name("example_table")));
  }

  @Workflow
  public int insertThenCount() throws InterruptedException {
    insertRow();
    waitWhileHeld();
    return countRows();
  }

  public static void main(String[] args) {
    Path hold = Path.of(args[1]);
    try (DBOS dbos =
        DBOS.builder()
            .appName("transaction-crash-test")
            .systemDatabaseUrl(args[0])
            .configFile(hold.resolveSibling("absent.yaml"))
            .build()) {
      TransactionCrashAppDurable app = new TransactionCrashAppDurable(dbos, hold);
      dbos.launch();
      int rows =
          args[2].equals("start")
              ? app.start(StartOptions.id("tx-crash")).insertThenCount().getResult()
              : dbos.<Integer>retrieveWorkflow("tx-crash").getResult();
      System.out.println("RESULT: " + rows);
    }
  }
}
