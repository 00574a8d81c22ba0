package io.dbosj.examples.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.examples.support.DbosCommand;
import io.dbosj.examples.support.ExampleProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's steps in examples/transactions: dbos migrate (the real command, running the
 * built jar) creates example_table, then each run inserts and counts.
 */
class CounterIT {

  @Test
  void migrateThenEachRunInsertsOneRowAndCountsThem(@TempDir Path root) throws Exception {
    Path folder = DbosCommand.copyOfFolder("transactions", root);

    DbosCommand.Result migrated = DbosCommand.run(folder, "migrate");
    assertThat(migrated.exit()).as(migrated.output()).isZero();
    assertThat(migrated.output())
        .contains("dbos migrate: running java --enable-native-access=ALL-UNNAMED -cp ../target/examples.jar"
            + " io.dbosj.examples.transactions.ApplyMigrations")
        .contains("Applied 1 migration(s)")
        .contains("is at schema version 123");

    assertThat(ExampleProcess.run(Counter.class, folder)).contains("Row count: 1");
    assertThat(ExampleProcess.run(Counter.class, folder)).contains("Row count: 2");
    assertThat(DbosCommand.run(folder, "migrate").output()).contains("Applied 0 migration(s)");
  }
}
