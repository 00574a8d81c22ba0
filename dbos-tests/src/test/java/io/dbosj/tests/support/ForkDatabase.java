package io.dbosj.tests.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Surefire runs this module's test classes in two JVMs at once; each drops and recreates the
 * {@code dbos} schema of its PostgreSQL database, so each JVM after the first gets a database of
 * its own beside the configured one ({@code dbosj_test_fork2}), created on first use.
 */
final class ForkDatabase {
  private ForkDatabase() {}

  /** The URL this JVM's tests use: {@code url} itself in the first (or only) JVM. */
  static String of(String url) {
    String fork = System.getProperty("dbosj.test.fork");
    if (fork == null || fork.isBlank() || fork.equals("1")) {
      return url;
    }
    URI uri = URI.create(url);
    String database = uri.getPath().substring(1) + "_fork" + fork;
    String forkUrl = url.replaceFirst("/" + uri.getPath().substring(1) + "(?=$|\\?)", "/" + database);
    create(uri, database);
    return forkUrl;
  }

  private static synchronized void create(URI base, String database) {
    String[] userInfo = base.getUserInfo().split(":", 2);
    Properties props = new Properties();
    props.setProperty("user", userInfo[0]);
    props.setProperty("password", userInfo.length > 1 ? userInfo[1] : "");
    String jdbc = "jdbc:postgresql://" + base.getHost() + ":" + (base.getPort() < 0 ? 5432 : base.getPort()) + base.getPath();
    try (Connection c = DriverManager.getConnection(jdbc, props)) {
      try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, database);
        try (ResultSet rs = exists.executeQuery()) {
          if (rs.next()) {
            return;
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE \"" + database + "\"");
      }
    } catch (SQLException e) {
      // PostgreSQL absent: the tests' own probe says so (and fails the run under CI=true)
    }
  }
}
