package io.dbosj.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/** Fresh databases, one per column: PostgreSQL through an admin connection, SQLite as temp files. */
final class BenchDatabases {
  private final URI admin;
  private final String user;
  private final String password;

  BenchDatabases(String adminUrl) {
    this.admin = URI.create(adminUrl);
    String[] info = admin.getUserInfo() == null ? new String[] {""} : admin.getUserInfo().split(":", 2);
    this.user = info[0];
    this.password = info.length > 1 ? info[1] : "";
  }

  /** Drops and creates the PostgreSQL database {@code name}; returns its DBOS-style URL. */
  String fresh(String name) throws SQLException {
    try (Connection c = connectAdmin(); Statement s = c.createStatement()) {
      // not DROP ... WITH (FORCE): that also tries to end an autovacuum worker busy in the
      // database, which a role without pg_signal_backend may not; a plain DROP stops those itself
      try (PreparedStatement terminate = c.prepareStatement(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE datname = ? AND usename = current_user AND pid <> pg_backend_pid()")) {
        terminate.setString(1, name);
        terminate.executeQuery().close();
      }
      dropWhenUnused(s, name);
      s.execute("CREATE DATABASE " + name);
    }
    return "postgresql://" + user + ":" + password + "@" + host() + "/" + name;
  }

  /** Drops {@code name}, waiting up to 10 s for sessions just terminated to end. */
  private static void dropWhenUnused(Statement s, String name) throws SQLException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        s.execute("DROP DATABASE IF EXISTS " + name);
        return;
      } catch (SQLException e) {
        if (!"55006".equals(e.getSQLState()) || System.nanoTime() > deadline) { // object_in_use
          throw e;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** A new, empty SQLite file in a temp directory (deleted at exit); returns its DBOS-style URL. */
  static String freshSqlite(String name) throws IOException {
    Path dir = Files.createTempDirectory("dbos-bench-");
    dir.toFile().deleteOnExit();
    Path file = dir.resolve(name + ".sqlite");
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      dir.resolve(name + ".sqlite" + suffix).toFile().deleteOnExit();
    }
    return "sqlite:///" + file.toAbsolutePath();
  }

  /** The JDBC URL of a DBOS-style URL made by this class. */
  static String jdbcOf(String dbosUrl) {
    if (dbosUrl.startsWith("sqlite://")) {
      return "jdbc:sqlite:" + dbosUrl.substring("sqlite://".length());
    }
    if (dbosUrl.startsWith("jdbc:")) {
      return dbosUrl;
    }
    URI uri = URI.create(dbosUrl);
    return "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath();
  }

  Connection connect(String dbosOrJdbcUrl) throws SQLException {
    String jdbc = jdbcOf(dbosOrJdbcUrl);
    return jdbc.startsWith("jdbc:sqlite:") ? DriverManager.getConnection(jdbc) : DriverManager.getConnection(jdbc, user, password);
  }

  Connection connectAdmin() throws SQLException {
    return DriverManager.getConnection(jdbc(admin.getPath().substring(1)), user, password);
  }

  /** Workflows in {@code status} in the system database at {@code url} (either engine's layout). */
  int countStatus(String url, String status) throws SQLException {
    String table = jdbcOf(url).startsWith("jdbc:sqlite:") ? "workflow_status" : "dbos.workflow_status";
    try (Connection c = connect(url);
        var s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE status = ?")) {
      s.setString(1, status);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  String jdbc(String database) {
    return "jdbc:postgresql://" + host() + "/" + database;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  private String host() {
    return admin.getHost() + ":" + (admin.getPort() < 0 ? 5432 : admin.getPort());
  }
}
