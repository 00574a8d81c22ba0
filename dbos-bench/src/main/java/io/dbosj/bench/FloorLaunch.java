package io.dbosj.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * W6's floor: what any launch on an empty PostgreSQL database must do, in plain JDBC: open a
 * connection (with the same password login) and create the DBOS system tables ({@code
 * floor-schema.sql}) in one committed transaction.
 */
final class FloorLaunch {
  private FloorLaunch() {}

  /** ms from nothing to the connection open and the system tables committed on {@code url}, then closed. */
  static double launchMillis(BenchDatabases databases, String url) throws SQLException, IOException {
    long start = System.nanoTime();
    List<String> statements = statements();
    try (Connection c = databases.connect(url)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String statement : statements) {
          s.addBatch(statement);
        }
        s.executeBatch();
      }
      c.commit();
    }
    return Stats.millisSince(start);
  }

  private static List<String> statements() throws IOException {
    String script;
    try (InputStream in = FloorLaunch.class.getResourceAsStream("/floor-schema.sql")) {
      if (in == null) {
        throw new IOException("floor-schema.sql is missing from the bench's class path");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder withoutComments = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.startsWith("--")) {
        withoutComments.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : withoutComments.toString().split(";\n")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }
}
