package io.dbosj.internal.db;

import io.dbosj.UnfinishedWorkflowException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Deletes workflows with everything they recorded: steps, inputs and outcome, messages sent to
 * them, events and their history, streams. Only finished workflows are deleted; each deletion
 * is one transaction, so a workflow goes whole or stays whole.
 */
public final class RetentionStore {
  /** The most workflows one transaction of a garbage collection deletes. */
  static final int BATCH = 500;
  private static final Set<String> UNFINISHED = Set.of("PENDING", "ENQUEUED", "DELAYED");

  private final SystemDatabase db;
  private final SystemSql.Retention sql;

  public RetentionStore(SystemDatabase db) {
    this.db = db;
    this.sql = db.sql().retention();
  }

  /** A workflow's ID and status as stored. */
  private record Row(String workflowId, String status) {}

  /**
   * Deletes the workflow, and with {@code withChildren} its descendants, in one transaction;
   * returns the IDs deleted (none if no workflow has this ID).
   *
   * @throws UnfinishedWorkflowException if it or a descendant to delete has not finished: then
   *     nothing is deleted
   */
  public List<String> delete(String workflowId, boolean withChildren) {
    return db.inTransaction(
        c -> {
          Set<String> doomed = new LinkedHashSet<>();
          List<Row> level = rows(c, sql.lockWorkflow(), workflowId);
          while (!level.isEmpty()) {
            List<Row> next = new ArrayList<>();
            for (Row row : level) {
              if (!doomed.add(row.workflowId())) {
                continue;
              }
              if (UNFINISHED.contains(row.status())) {
                throw new UnfinishedWorkflowException(row.workflowId(), row.status(), workflowId);
              }
              if (withChildren) {
                next.addAll(rows(c, sql.lockChildren(), row.workflowId()));
              }
            }
            level = next;
          }
          deleteRecords(c, List.copyOf(doomed));
          return List.copyOf(doomed);
        });
  }

  /**
   * Deletes the finished workflows created before {@code createdBefore} (epoch ms), and beyond
   * the {@code keepNewest} most recently created ones (finished or not); either may be null, not
   * both. Returns how many were deleted. Workflows not yet finished are never deleted.
   */
  public long deleteFinished(Long createdBefore, Long keepNewest) {
    Long cutoff = createdBefore;
    if (keepNewest != null) {
      List<Long> nth = db.query(sql.selectNthNewest(), rs -> rs.getLong(1), keepNewest - 1);
      if (!nth.isEmpty() && (cutoff == null || nth.get(0) > cutoff)) {
        cutoff = nth.get(0);
      }
    }
    if (cutoff == null) {
      return 0;
    }
    long before = cutoff;
    long deleted = 0;
    while (true) {
      int batch =
          db.inTransaction(
              c -> {
                List<String> ids = ids(c, before);
                deleteRecords(c, ids);
                return ids.size();
              });
      deleted += batch;
      if (batch < BATCH) {
        return deleted;
      }
    }
  }

  private List<String> ids(Connection c, long createdBefore) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql.lockFinishedBefore())) {
      Jdbc.bind(s, createdBefore, BATCH);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  private void deleteRecords(Connection c, List<String> workflowIds) throws SQLException {
    if (workflowIds.isEmpty()) {
      return;
    }
    for (String delete : sql.deleteRecords()) {
      try (PreparedStatement s = c.prepareStatement(delete)) {
        for (String id : workflowIds) {
          s.setString(1, id);
          s.addBatch();
        }
        s.executeBatch();
      }
    }
  }

  private static List<Row> rows(Connection c, String query, String workflowId) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(query)) {
      s.setString(1, workflowId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return rows;
  }
}
