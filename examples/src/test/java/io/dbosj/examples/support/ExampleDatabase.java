package io.dbosj.examples.support;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The system database of a web example run as a child process: the app's default SQLite file in
 * its working directory, or PostgreSQL ({@code $DBOSJ_TEST_POSTGRES_URL}, the tests' database by
 * default) with its {@code dbos} schema dropped, given to the app as {@code
 * DBOS_SYSTEM_DATABASE_URL} as a user would. Reads rows with plain JDBC.
 */
public final class ExampleDatabase {
  private static final String DEFAULT_POSTGRES_URL = "postgresql://dbosj:dbosj@localhost:5432/dbosj_test";

  /** The two databases the examples run on. */
  public enum Kind {
    SQLITE,
    POSTGRES
  }

  private final Kind kind;
  private final String url;

  private ExampleDatabase(Kind kind, String url) {
    this.kind = kind;
    this.url = url;
  }

  /**
   * A fresh system database for the app {@code appName} run in {@code workDir}. Without a
   * PostgreSQL server the PostgreSQL case is skipped, or fails when {@code CI=true}.
   */
  public static ExampleDatabase fresh(Kind kind, Path workDir, String appName) throws SQLException {
    if (kind == Kind.SQLITE) {
      return new ExampleDatabase(kind, "sqlite:///" + workDir.resolve(appName + ".sqlite"));
    }
    String url = System.getenv().getOrDefault("DBOSJ_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL);
    ExampleDatabase db = new ExampleDatabase(kind, url);
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS dbos CASCADE");
    } catch (SQLException unreachable) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw unreachable;
      }
      Assumptions.abort("PostgreSQL not reachable (" + unreachable.getMessage() + "): PostgreSQL case skipped");
    }
    return db;
  }

  /** What the app's environment needs to use this database: nothing for its default SQLite file. */
  public Map<String, String> environment() {
    return kind == Kind.SQLITE ? Map.of() : Map.of("DBOS_SYSTEM_DATABASE_URL", url);
  }

  /**
   * The rows of {@code sql}, each as its columns joined by {@code ":"}; {@code {dbos}} in the SQL
   * stands for the schema's prefix ({@code dbos.} on PostgreSQL, nothing on SQLite).
   */
  public List<String> rows(String sql, Object... args) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql.replace("{dbos}", kind == Kind.POSTGRES ? "dbos." : ""))) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<String> values = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            values.add(rs.getString(i));
          }
          rows.add(String.join(":", values));
        }
      }
    }
    return rows;
  }

  private Connection connect() throws SQLException {
    if (kind == Kind.SQLITE) {
      return DriverManager.getConnection("jdbc:sqlite:" + url.substring("sqlite:///".length()));
    }
    URI uri = URI.create(url);
    String[] userInfo = uri.getUserInfo().split(":", 2);
    Properties props = new Properties();
    props.setProperty("user", userInfo[0]);
    props.setProperty("password", userInfo.length > 1 ? userInfo[1] : "");
    return DriverManager.getConnection(
        "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath(),
        props);
  }
}
