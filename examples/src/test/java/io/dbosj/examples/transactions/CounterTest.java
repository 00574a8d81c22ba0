package io.dbosj.examples.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.cli.DbosCli;
import io.dbosj.examples.support.ExampleProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tutorial's steps: dbos migrate creates example_table, then each run inserts and counts. */
class CounterTest {

  @Test
  void migrateThenEachRunInsertsOneRowAndCountsThem(@TempDir Path workDir) throws Exception {
    Files.copy(Path.of("transactions", "dbos-config.yaml"), workDir.resolve("dbos-config.yaml"));

    String migrated = ExampleProcess.run(DbosCli.class, workDir, "migrate");
    assertThat(migrated)
        .contains("dbos migrate: running java io.dbosj.examples.transactions.ApplyMigrations")
        .contains("Applied 1 migration(s)")
        .contains("is at schema version 1");

    assertThat(ExampleProcess.run(Counter.class, workDir)).contains("Row count: 1");
    assertThat(ExampleProcess.run(Counter.class, workDir)).contains("Row count: 2");
    assertThat(ExampleProcess.run(DbosCli.class, workDir, "migrate")).contains("Applied 0 migration(s)");
  }
}
