package io.dbosj.internal.db;

import io.dbosj.internal.serde.JsonCodec;
import java.util.Optional;

/**
 * Owns DBOS's {@code notifications}: messages sent to workflows, each consumed once by a {@code
 * recv} of its destination (marked, not deleted, as DBOS 5.3 does).
 */
public final class MessageStore {
  /** DBOS's stored name of the topic a {@code null} topic means. */
  public static final String NULL_TOPIC = "__null__topic__";

  /** An unconsumed message: its ID and value. */
  public record Message(String messageId, StoredValue value) {}

  /** DBOS's channel of messages, notified by its trigger on insert; the payload is {@code <destination>::<topic>}. */
  public static final String CHANNEL = "dbos_notifications_channel";

  private final SystemDatabase db;
  private final SystemSql.Messaging sql;

  public MessageStore(SystemDatabase db) {
    this.db = db;
    this.sql = db.sql().messaging();
  }

  /** The stored form of a topic: DBOS's name for the default one when {@code null}. */
  public static String storedTopic(String topic) {
    return topic == null ? NULL_TOPIC : topic;
  }

  /**
   * The write of a message, to be committed alone or with the sender's step record: it changes
   * no row if {@code destinationId} names no workflow or a message with this ID exists.
   */
  public CheckpointWrite insertWrite(String destinationId, String topic, String json, String messageId) {
    return new CheckpointWrite(
        sql.insertMessage(),
        CheckpointWrite.STEP,
        new Object[] {destinationId, storedTopic(topic), json, JsonCodec.FORMAT, messageId, destinationId});
  }

  /** Writes a message on its own; {@code false} if no row changed (see {@link #insertWrite}). */
  public boolean insert(String destinationId, String topic, String json, String messageId) {
    return db.groupCommit().commit(insertWrite(destinationId, topic, json, messageId))[0] == 1;
  }

  /** The oldest message on {@code topic} for {@code destinationId} that no recv consumed. */
  public Optional<Message> oldestUnconsumed(String destinationId, String topic) {
    return db.query(
            sql.selectOldestMessage(),
            rs -> new Message(rs.getString(1), new StoredValue(rs.getString(2), rs.getString(3))),
            destinationId,
            storedTopic(topic))
        .stream()
        .findFirst();
  }

  /** The write that marks a message consumed by operation {@code functionId}; no row if it was already. */
  public CheckpointWrite consumeWrite(String messageId, int functionId) {
    return new CheckpointWrite(sql.consumeMessage(), CheckpointWrite.STEP, new Object[] {functionId, messageId});
  }

  /** A workflow's status, or empty if no workflow has this ID: what a waiting reader checks. */
  public Optional<String> status(String workflowId) {
    return db.query(sql.selectStatus(), rs -> rs.getString(1), workflowId).stream().findFirst();
  }
}
