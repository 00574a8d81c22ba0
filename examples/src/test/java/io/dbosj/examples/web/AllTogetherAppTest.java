package io.dbosj.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.cli.DbosCli;
import io.dbosj.examples.support.AppProcess;
import io.dbosj.examples.support.ExampleProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole tutorial as its README runs it: dbos migrate, dbos start, then the three endpoints. */
class AllTogetherAppTest {

  @Test
  void migrateStartAndServeEveryPartWithIdempotentRequests(@TempDir Path dir) throws Exception {
    Files.copy(Path.of("tutorial", "dbos-config.yaml"), dir.resolve("dbos-config.yaml"));
    assertThat(ExampleProcess.run(DbosCli.class, dir, "migrate")).contains("Applied 1 migration(s)");

    AppProcess app = AppProcess.start(DbosCli.class, dir, "start");
    try {
      assertThat(app.get("/transaction", "tx-1").get().body()).isEqualTo("Row count: 1");
      assertThat(app.get("/transaction", "tx-1").get().body()).isEqualTo("Row count: 1");
      assertThat(app.get("/transaction", null).get().body()).isEqualTo("Row count: 2");
      var queue = app.get("/queue", "queue-1");
      assertThat(app.get("/workflow", "workflow-1").get().body()).isEqualTo("Workflow completed");
      assertThat(queue.get().body()).isEqualTo("Completed 10 steps");
      app.awaitOutput(out -> out.contains("I am a scheduled workflow. It is currently "), 10);
    } finally {
      app.terminate();
    }
    assertThat(app.output()).contains("dbos start: running java io.dbosj.examples.web.AllTogetherApp");
  }
}
