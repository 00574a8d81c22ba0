package io.dbosj.internal.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads what a workflow set and what was sent to it, as DBOS lays them out: {@code
 * workflow_events}, {@code workflow_events_history}, the unconsumed rows of {@code
 * notifications}, and {@code streams}. Values come back as stored, with the serialization that wrote them.
 */
public final class CommunicationStore {
  private final SystemDatabase db;
  private final SystemSql.Communications sql;

  public CommunicationStore(SystemDatabase db) {
    this.db = db;
    this.sql = db.sql().communications();
  }

  /** An event's current value. */
  public record EventRow(String key, String value, String serialization) {}

  /** One value an event had, with the function ID of the {@code setEvent} that set it. */
  public record EventHistoryRow(int functionId, String key, String value, String serialization) {}

  /** A message sent to a workflow and not yet consumed; {@code topic} as stored. */
  public record MessageRow(String messageId, String topic, String message, String serialization, long createdAtEpochMs) {}

  /** A value written to a stream. */
  public record StreamValueRow(String key, String value, String serialization) {}

  /** The current value of each of the workflow's events, by key. */
  public List<EventRow> events(String workflowId) {
    return db.query(sql.selectEvents(), CommunicationStore::event, workflowId);
  }

  /** Every value the workflow's events had, in the order its steps set them. */
  public List<EventHistoryRow> eventHistory(String workflowId) {
    return db.query(sql.selectEventHistory(), CommunicationStore::historyEntry, workflowId);
  }

  /** The messages sent to the workflow that no {@code recv} has consumed, oldest first. */
  public List<MessageRow> pendingMessages(String workflowId) {
    return db.query(sql.selectPendingMessages(), CommunicationStore::message, workflowId);
  }

  /** Every value of each of the workflow's streams, by key and offset, the closing value included. */
  public List<StreamValueRow> streamValues(String workflowId) {
    return db.query(sql.selectStreamValues(), CommunicationStore::streamValue, workflowId);
  }

  private static StreamValueRow streamValue(ResultSet rs) throws SQLException {
    return new StreamValueRow(rs.getString(1), rs.getString(2), rs.getString(3));
  }

  private static EventRow event(ResultSet rs) throws SQLException {
    return new EventRow(rs.getString(1), rs.getString(2), rs.getString(3));
  }

  private static EventHistoryRow historyEntry(ResultSet rs) throws SQLException {
    return new EventHistoryRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4));
  }

  private static MessageRow message(ResultSet rs) throws SQLException {
    return new MessageRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
  }
}
