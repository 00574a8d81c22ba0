package io.dbosj.conformance.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL database the conformance tests share (DBOS's tools run on PostgreSQL only): the
 * one {@code DBOSJ_TEST_POSTGRES_URL} names, as in the other test modules. A test class gets it
 * from {@link ConformanceTools}, with an empty {@code dbos} schema.
 */
public final class ConformanceDatabase {
  private static final String DEFAULT_URL = "postgresql://dbosj:dbosj@localhost:5432/dbosj_test";

  private final URI uri;

  private ConformanceDatabase(URI uri) {
    this.uri = uri;
  }

  /** The database {@code DBOSJ_TEST_POSTGRES_URL} names, untouched. */
  static ConformanceDatabase configured() {
    String url = System.getenv("DBOSJ_TEST_POSTGRES_URL");
    return new ConformanceDatabase(URI.create(url == null || url.isBlank() ? DEFAULT_URL : url));
  }

  /** Drops the {@code dbos} schema, so that the next app or tool creates it afresh. */
  ConformanceDatabase emptied() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS dbos CASCADE");
    }
    return this;
  }

  /** The URL as DBOS writes it, {@code postgresql://user:password@host:port/db}. */
  public String url() {
    return uri.toString();
  }

  public String maskedUrl() {
    return url().replaceFirst(":[^:@/]*@", ":***@");
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath();
  }

  public String user() {
    return uri.getUserInfo().split(":", 2)[0];
  }

  public String password() {
    String[] userInfo = uri.getUserInfo().split(":", 2);
    return userInfo.length > 1 ? userInfo[1] : "";
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user(), password());
  }

  /** Runs a query; each row as its column values rendered as strings. */
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

  /** Runs a statement that changes rows; returns how many it changed. */
  public int update(String sql, Object... args) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    }
  }

  /** The single value a query returns, or null when it returns no row. */
  public String value(String sql, Object... args) throws SQLException {
    List<List<String>> rows = rows(sql, args);
    if (rows.size() > 1 || (rows.size() == 1 && rows.get(0).size() != 1)) {
      throw new AssertionError("expected at most one value from " + sql + " but got " + rows);
    }
    return rows.isEmpty() ? null : rows.get(0).get(0);
  }

  /** A workflow's recorded status, or null when there is no such workflow. */
  public String status(String workflowId) throws SQLException {
    return value("SELECT status FROM dbos.workflow_status WHERE workflow_uuid = ?", workflowId);
  }

  /** Waits until the workflow's recorded status is {@code status}. */
  public void awaitStatus(String workflowId, String status) throws Exception {
    Await.until(workflowId + " to be " + status, () -> status.equals(status(workflowId)), () -> status(workflowId));
  }

  /**
   * Waits until the workflow has recorded {@code count} operations named {@code functionName}:
   * with {@code "DBOS.sleep"}, that it waits in its {@code count}-th {@code recv} or {@code
   * getEvent}, whose deadline DBOS records before it waits.
   */
  public void awaitOperations(String workflowId, String functionName, int count) throws Exception {
    String sql = "SELECT count(*) FROM dbos.operation_outputs WHERE workflow_uuid = ? AND function_name = ?";
    Await.until(workflowId + " to record " + count + " x " + functionName,
        () -> Integer.parseInt(value(sql, workflowId, functionName)) >= count,
        () -> rows("SELECT function_id, function_name FROM dbos.operation_outputs WHERE workflow_uuid = ?"
            + " ORDER BY function_id", workflowId));
  }
}
