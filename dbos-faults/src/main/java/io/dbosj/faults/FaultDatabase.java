package io.dbosj.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scenario's system database, read by the parent with plain JDBC (never through io.dbosj, so
 * what is checked shares no code with what is tested): statuses, recorded tokens, counts.
 */
final class FaultDatabase implements AutoCloseable {
  private static final Pattern TOKEN = Pattern.compile("t[0-9a-f]{16}");

  private final String kind;
  private final String dbosUrl;
  private final String schemaPrefix;
  private final ConnectionSource connections;
  private final Runnable dropper;

  private interface ConnectionSource {
    Connection open() throws SQLException;
  }

  private FaultDatabase(String kind, String dbosUrl, String schemaPrefix, ConnectionSource connections,
      Runnable dropper) {
    this.kind = kind;
    this.dbosUrl = dbosUrl;
    this.schemaPrefix = schemaPrefix;
    this.connections = connections;
    this.dropper = dropper;
  }

  /** A new database {@code name} on {@code server}, dropped again by {@link #close()}. */
  static FaultDatabase postgres(PostgresServer server, String name) throws SQLException {
    server.recreate(name);
    return new FaultDatabase("PostgreSQL", server.dbosUrl(name), "dbos.", () -> server.connect(name), () -> {
      try {
        server.drop(name);
      } catch (SQLException e) {
        System.err.println("dbos-faults: could not drop " + name + ": " + e.getMessage());
      }
    });
  }

  /** A new SQLite file in {@code directory} (left there with the scenario's logs). */
  static FaultDatabase sqlite(Path directory) {
    Path file = directory.resolve("system.sqlite").toAbsolutePath();
    Properties properties = new Properties();
    properties.setProperty("busy_timeout", "10000");
    return new FaultDatabase("SQLite", "sqlite:///" + file, "",
        () -> DriverManager.getConnection("jdbc:sqlite:" + file, properties), () -> { });
  }

  String kind() {
    return kind;
  }

  String dbosUrl() {
    return dbosUrl;
  }

  /** {@code dbos.name} on PostgreSQL, {@code name} on SQLite. */
  String table(String name) {
    return schemaPrefix + name;
  }

  /** Creates the table {@link MixedWorkload}'s transactions write to. */
  void createTransactionTable() throws SQLException {
    execute("CREATE TABLE " + MixedWorkload.TX_TABLE + " (k TEXT NOT NULL, token TEXT NOT NULL)");
  }

  void execute(String sql) throws SQLException {
    try (Connection c = connections.open(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of the first row of {@code sql}, as a number; 0 while the tables do not exist. */
  long count(String sql) {
    try (Connection c = connections.open(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getLong(1) : 0;
    } catch (SQLException notYet) {
      return 0;
    }
  }

  /** Workflow ID to status, for the IDs starting with {@code prefix}. */
  Map<String, String> statuses(String prefix) throws SQLException {
    Map<String, String> statuses = new HashMap<>();
    try (Connection c = connections.open();
        PreparedStatement s = c.prepareStatement("SELECT workflow_uuid, status FROM "
            + table("workflow_status") + " WHERE workflow_uuid LIKE ?")) {
      s.setString(1, prefix + "%");
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          statuses.put(r.getString(1), r.getString(2));
        }
      }
    }
    return statuses;
  }

  /** Workflow ID to the recorded error of each workflow that ended ERROR: what a failed run shows. */
  Map<String, String> errors() throws SQLException {
    Map<String, String> errors = new HashMap<>();
    try (Connection c = connections.open();
        PreparedStatement s = c.prepareStatement("SELECT workflow_uuid, error FROM "
            + table("workflow_status") + " WHERE status = 'ERROR'")) {
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          errors.put(r.getString(1), String.valueOf(r.getString(2)));
        }
      }
    }
    return errors;
  }

  /** Every token named in a recorded output: the executions whose results the database kept. */
  Set<String> recordedTokens() throws SQLException {
    Set<String> tokens = new HashSet<>();
    try (Connection c = connections.open(); Statement s = c.createStatement()) {
      for (String sql : new String[] {
          "SELECT output FROM " + table("workflow_status") + " WHERE output IS NOT NULL",
          "SELECT output FROM " + table("operation_outputs") + " WHERE output IS NOT NULL"}) {
        try (ResultSet r = s.executeQuery(sql)) {
          while (r.next()) {
            Matcher m = TOKEN.matcher(r.getString(1));
            while (m.find()) {
              tokens.add(m.group());
            }
          }
        }
      }
    }
    return tokens;
  }

  /** Transactions committed more than once: rows beyond the first per key. */
  long doubledTransactions() {
    return count("SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM " + MixedWorkload.TX_TABLE
        + " GROUP BY k) AS per_key");
  }

  @Override
  public void close() {
    dropper.run();
  }
}
