package io.dbosj.tests.crash;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.annotation.Transaction;
import io.dbosj.annotation.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ListingCrashApp <systemUrl> <applicationUrl> <holdFile> start|recover}: a workflow inserts
 * a row in a transaction of a separate application database, then waits in its own body, not in
 * a step, while the hold file exists. Its transaction's listing in {@code operation_outputs} waits
 * for the next operation meanwhile, so a kill there falls between the application commit and the
 * listing write.
 */
public class ListingCrashApp {
  private final Path hold;

  public ListingCrashApp(Path hold) {
    this.hold = hold;
  }

  @Transaction
  public int insertRow() {
    return DBOS.sql().insertInto(table(name("example_table"))).set(field(name("name")), "dbos").execute();
  }

  @Transaction
  public int countRows() {
    return DBOS.sql().fetchCount(table(name("example_table")));
  }

  @Workflow
  public int insertThenCount() throws InterruptedException {
    insertRow();
    while (Files.exists(hold)) {
      Thread.sleep(50);
    }
    return countRows();
  }

  public static void main(String[] args) {
    Path hold = Path.of(args[2]);
    try (DBOS dbos =
        DBOS.builder()
            .appName("listing-crash-test")
            .systemDatabaseUrl(args[0])
            .databaseUrl(args[1])
            .configFile(hold.resolveSibling("absent.yaml"))
            .build()) {
      ListingCrashAppDurable app = new ListingCrashAppDurable(dbos, hold);
      dbos.launch();
      int rows =
          args[3].equals("start")
              ? app.start(StartOptions.id("listing-crash")).insertThenCount().getResult()
              : dbos.<Integer>retrieveWorkflow("listing-crash").getResult();
      System.out.println("RESULT: " + rows);
    }
  }
}
