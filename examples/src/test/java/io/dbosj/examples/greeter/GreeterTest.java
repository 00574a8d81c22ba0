package io.dbosj.examples.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.examples.support.ExampleProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the tutorial program as a user does: its own JVM, a fresh directory, no configuration. */
class GreeterTest {

  @Test
  void runsBothStepsAndRecordsTheWorkflowInTheDefaultSqliteFile(@TempDir Path workDir)
      throws Exception {
    String output = ExampleProcess.run(Greeter.class, workDir);

    assertThat(output).containsSubsequence("Step one completed!", "Step two completed!");
    // DBOS's own lines through the examples' slf4j-simple, the pool's and jOOQ's quieted, and on
    // JDK 24+ no native-access warning from sqlite-jdbc
    assertThat(output)
        .contains("INFO DbosRuntime - DBOS launched: app greeter")
        .doesNotContain("HikariPool")
        .doesNotContain("org.jooq")
        .doesNotContain("restricted method");
    Path database = workDir.resolve("greeter.sqlite");
    assertThat(database).exists();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT w.status, COUNT(o.function_id) FROM workflow_status w"
                    + " JOIN operation_outputs o ON o.workflow_uuid = w.workflow_uuid"
                    + " GROUP BY w.workflow_uuid, w.status")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("SUCCESS");
      assertThat(rs.getInt(2)).isEqualTo(2);
      assertThat(rs.next()).isFalse();
    }
  }
}
