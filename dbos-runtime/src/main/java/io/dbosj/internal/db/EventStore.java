package io.dbosj.internal.db;

import io.dbosj.internal.serde.JsonCodec;
import java.util.Optional;

/**
 * Owns DBOS's {@code workflow_events} (each key's latest value) and {@code
 * workflow_events_history} (every value, by the operation that set it).
 */
public final class EventStore {
  /** DBOS's channel of event writes; the payload is {@code <workflow ID>::<key>}. */
  public static final String CHANNEL = "dbos_workflow_events_channel";

  private final SystemDatabase db;
  private final SystemSql.Messaging sql;

  public EventStore(SystemDatabase db) {
    this.db = db;
    this.sql = db.sql().messaging();
  }

  /** The write of a key's latest value; on PostgreSQL it notifies DBOS's events channel on commit. */
  public CheckpointWrite upsertWrite(String workflowId, String key, String json) {
    Object[] binds =
        db.isPostgres()
            ? new Object[] {workflowId, key, json, JsonCodec.FORMAT, workflowId + "::" + key}
            : new Object[] {workflowId, key, json, JsonCodec.FORMAT};
    return new CheckpointWrite(sql.upsertEvent(), CheckpointWrite.STEP, binds);
  }

  /** The write of the value operation {@code functionId} set, kept in the history. */
  public CheckpointWrite historyWrite(String workflowId, int functionId, String key, String json) {
    return new CheckpointWrite(
        sql.upsertEventHistory(), CheckpointWrite.STEP, new Object[] {workflowId, functionId, key, json, JsonCodec.FORMAT});
  }

  /** The latest value of {@code key} that {@code workflowId} set, if it set one. */
  public Optional<StoredValue> latest(String workflowId, String key) {
    return db.query(sql.selectEvent(), rs -> new StoredValue(rs.getString(1), rs.getString(2)), workflowId, key)
        .stream()
        .findFirst();
  }
}
