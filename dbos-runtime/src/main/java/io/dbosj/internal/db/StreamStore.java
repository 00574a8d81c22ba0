package io.dbosj.internal.db;

import java.util.List;

/** Owns DBOS's {@code streams}: the values each workflow wrote to its named streams, by offset. */
public final class StreamStore {
  /**
   * What a reader finds at an offset: the workflow's status ({@code null}: no such workflow) and
   * the value there ({@code null}: nothing yet).
   */
  public record Read(String workflowStatus, StoredValue value) {}

  /** DBOS's channel of stream writes; the payload is {@code <workflow ID>::<key>}. */
  public static final String CHANNEL = "dbos_streams_channel";

  private final SystemDatabase db;
  private final SystemSql.Messaging sql;

  public StreamStore(SystemDatabase db) {
    this.db = db;
    this.sql = db.sql().messaging();
  }

  /**
   * The write of the next value of stream {@code key}, at the offset after the last; on
   * PostgreSQL it notifies DBOS's streams channel on commit.
   */
  public CheckpointWrite appendWrite(String workflowId, String key, String json, String serialization, int functionId) {
    Object[] binds =
        db.isPostgres()
            ? new Object[] {workflowId, key, json, functionId, serialization, workflowId, key, workflowId + "::" + key}
            : new Object[] {workflowId, key, json, functionId, serialization, workflowId, key};
    return new CheckpointWrite(sql.insertStreamValue(), CheckpointWrite.STEP, binds);
  }

  /** The value at {@code offset} of stream {@code key} of {@code workflowId}, with the workflow's status. */
  public Read read(String workflowId, String key, int offset) {
    List<Read> rows =
        db.query(
            sql.selectStreamValue(),
            rs -> new Read(rs.getString(1), rs.getString(2) == null ? null : new StoredValue(rs.getString(2), rs.getString(3))),
            key,
            offset,
            workflowId);
    return rows.isEmpty() ? new Read(null, null) : rows.get(0);
  }
}
