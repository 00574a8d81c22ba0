package io.dbosj.examples.greeter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the tutorial program as a user does: its own JVM, a fresh directory, no configuration. */
class GreeterTest {

  @Test
  void runsBothStepsAndRecordsTheWorkflowInTheDefaultSqliteFile(@TempDir Path workDir)
      throws Exception {
    Process process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Greeter.class.getName()))
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).containsSubsequence("Step one completed!", "Step two completed!");
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
