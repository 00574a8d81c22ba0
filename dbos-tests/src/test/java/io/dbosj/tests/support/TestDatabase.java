package io.dbosj.tests.support;

import io.dbosj.DBOS;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One system database for one test: a fresh SQLite file, or the PostgreSQL test database with the
 * {@code dbos} schema dropped. Builds {@link DBOS} instances on it and reads its rows with plain
 * JDBC, the way a user would check what was recorded.
 */
public final class TestDatabase {
  /** The PostgreSQL database the tests use, unless {@code DBOSJ_TEST_POSTGRES_URL} says another. */
  public static final String DEFAULT_POSTGRES_URL = "postgresql://dbosj:dbosj@localhost:5432/dbosj_test";

  public enum Kind {
    SQLITE,
    POSTGRES
  }

  private final Kind kind;
  private final String url;
  private final Path directory;

  private TestDatabase(Kind kind, String url, Path directory) {
    this.kind = kind;
    this.url = url;
    this.directory = directory;
  }

  static TestDatabase sqlite() throws Exception {
    Path dir = Files.createTempDirectory("dbosj-test");
    return new TestDatabase(Kind.SQLITE, "sqlite:///" + dir.resolve("system.sqlite"), dir);
  }

  static TestDatabase postgres() throws Exception {
    Path dir = Files.createTempDirectory("dbosj-test");
    TestDatabase db = new TestDatabase(Kind.POSTGRES, postgresUrl(), dir);
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS dbos CASCADE");
      s.execute("DROP TABLE IF EXISTS example_table");
    }
    return db;
  }

  /** This JVM's PostgreSQL database: the configured one, or its fork's beside it. */
  static String postgresUrl() {
    return ForkDatabase.of(configuredPostgresUrl());
  }

  /** {@code DBOSJ_TEST_POSTGRES_URL}, else {@link #DEFAULT_POSTGRES_URL}. */
  static String configuredPostgresUrl() {
    String url = System.getenv("DBOSJ_TEST_POSTGRES_URL");
    return url == null || url.isBlank() ? DEFAULT_POSTGRES_URL : url;
  }

  /**
   * An application database apart from this system database, for {@code .databaseUrl(...)}: a
   * second SQLite file, or on PostgreSQL this same database reached by another URL (so the runtime
   * treats it as separate, with a pool of its own).
   */
  public TestDatabase separateApplicationDatabase() {
    if (kind == Kind.SQLITE) {
      return new TestDatabase(Kind.SQLITE, "sqlite:///" + directory.resolve("application.sqlite"), directory);
    }
    String separator = url.contains("?") ? "&" : "?";
    return new TestDatabase(Kind.POSTGRES, url + separator + "ApplicationName=dbosj-test-app", directory);
  }

  public Kind kind() {
    return kind;
  }

  /** The system database URL, as a user writes it. */
  public String url() {
    return url;
  }

  /** A directory of this test's own, for side-effect files. */
  public Path directory() {
    return directory;
  }

  /** A builder on this database that ignores any dbos-config.yaml in the working directory. */
  public DBOS.Builder builder() {
    return DBOS.builder()
        .appName("test")
        .adminServer(false)
        .systemDatabaseUrl(url)
        .configFile(directory.resolve("no-dbos-config.yaml"));
  }

  /** A plain JDBC connection, for checking rows. */
  public Connection connect() throws SQLException {
    if (kind == Kind.SQLITE) {
      return DriverManager.getConnection("jdbc:sqlite:" + url.substring("sqlite:///".length()));
    }
    java.net.URI uri = java.net.URI.create(url);
    String[] userInfo = uri.getUserInfo().split(":", 2);
    Properties props = new Properties();
    props.setProperty("user", userInfo[0]);
    props.setProperty("password", userInfo.length > 1 ? userInfo[1] : "");
    return DriverManager.getConnection(
        "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath(),
        props);
  }

  /** The table's name as this database spells it: {@code dbos.x} on PostgreSQL, {@code x} on SQLite. */
  public String table(String name) {
    return kind == Kind.POSTGRES ? "dbos." + name : name;
  }

  /** Runs a query and returns its rows, each as a list of column values rendered as strings. */
  public List<List<String>> rows(String sql, Object... args) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  /** The single value a query returns. */
  public String value(String sql, Object... args) throws SQLException {
    List<List<String>> rows = rows(sql, args);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new AssertionError("expected one value from " + sql + " but got " + rows);
    }
    return rows.get(0).get(0);
  }

  /** The status column of a workflow's row. */
  public String status(String workflowId) throws SQLException {
    return value("SELECT status FROM " + table("workflow_status") + " WHERE workflow_uuid = ?", workflowId);
  }

  /** The recorded steps of a workflow: function ID and name, in order. */
  public List<String> steps(String workflowId) throws SQLException {
    List<String> steps = new ArrayList<>();
    for (List<String> row :
        rows(
            "SELECT function_id, function_name FROM "
                + table("operation_outputs")
                + " WHERE workflow_uuid = ? ORDER BY function_id",
            workflowId)) {
      steps.add(row.get(0) + ":" + row.get(1));
    }
    return steps;
  }

  /**
   * {@link #steps} without the {@code DBOS.sleep} rows a recv or getEvent writes only when it has
   * to wait: whether it waited depends on whether the message or event was there before it looked.
   */
  public List<String> stepsWithoutWaits(String workflowId) throws SQLException {
    List<String> steps = steps(workflowId);
    steps.removeIf(step -> step.endsWith(":DBOS.sleep"));
    return steps;
  }

  /** Creates the tutorial's {@code example_table}: an auto-increment {@code count}, a {@code name}. */
  public void createExampleTable() throws SQLException {
    update(
        kind == Kind.POSTGRES
            ? "CREATE TABLE example_table (count SERIAL PRIMARY KEY, name TEXT NOT NULL)"
            : "CREATE TABLE example_table (count INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL)");
  }

  /** Runs an update, for tests that arrange rows by hand. */
  public int update(String sql, Object... args) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
