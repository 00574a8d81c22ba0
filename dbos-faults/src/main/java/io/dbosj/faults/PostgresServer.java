package io.dbosj.faults;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server the suite may make databases on: the shared one named by {@code --postgres},
 * or the suite's own {@link PostgresCluster}. It only ever creates and drops databases it names.
 */
record PostgresServer(String host, int port, String user, String password, String adminDatabase) {

  /** Reads {@code postgresql://user:password@host:port/database}. */
  static PostgresServer parse(String url) {
    URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
    String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres", ""} : uri.getUserInfo().split(":", 2);
    return new PostgresServer(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), userInfo[0],
        userInfo.length > 1 ? userInfo[1] : "", uri.getPath().replaceFirst("^/", ""));
  }

  /** The URL a child's {@code DBOS} is given for {@code database}. */
  String dbosUrl(String database) {
    return "postgresql://" + user + ":" + password + "@" + host + ":" + port + "/" + database;
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database
        + "?connectTimeout=5&socketTimeout=30", user, password);
  }

  /** Drops {@code database} if it exists and creates it empty. */
  void recreate(String database) throws SQLException {
    drop(database);
    try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
  }

  void drop(String database) throws SQLException {
    try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Override
  public String toString() {
    return "postgresql://" + user + ":***@" + host + ":" + port + "/" + adminDatabase;
  }
}
