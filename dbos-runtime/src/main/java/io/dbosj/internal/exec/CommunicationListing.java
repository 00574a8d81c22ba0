package io.dbosj.internal.exec;

import io.dbosj.DbosException;
import io.dbosj.NoSuchWorkflowException;
import io.dbosj.WorkflowEventHistoryEntry;
import io.dbosj.WorkflowMessage;
import io.dbosj.internal.db.CommunicationStore;
import io.dbosj.internal.db.MessageStore;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.messaging.Communication;
import io.dbosj.internal.serde.JsonCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows what a recorded workflow set and what was sent to it, whichever process ran it or wrote
 * the rows (DBOS's SDKs too): its events, their history, its unconsumed messages and its streams,
 * each value read by its row's serialization as plain JSON values.
 */
public final class CommunicationListing {
  private static final String STREAM_CLOSED = Communication.STREAM_CLOSED_TEXT;

  private final WorkflowStore workflows;
  private final CommunicationStore store;
  private final JsonCodec json;

  public CommunicationListing(WorkflowStore workflows, CommunicationStore store, JsonCodec json) {
    this.workflows = workflows;
    this.store = store;
    this.json = json;
  }

  /** The current value of each event of the workflow, by key. */
  public Map<String, Object> events(String workflowId) {
    require(workflowId);
    Map<String, Object> events = new LinkedHashMap<>();
    for (CommunicationStore.EventRow row : store.events(workflowId)) {
      events.put(row.key(), decode(row.serialization(), row.value(), workflowId, "event '" + row.key() + "'"));
    }
    return events;
  }

  /** Every value the workflow's events had, in the order its steps set them. */
  public List<WorkflowEventHistoryEntry> eventHistory(String workflowId) {
    require(workflowId);
    List<WorkflowEventHistoryEntry> history = new ArrayList<>();
    for (CommunicationStore.EventHistoryRow row : store.eventHistory(workflowId)) {
      String what = "event '" + row.key() + "' as function " + row.functionId() + " set it";
      history.add(
          new WorkflowEventHistoryEntry(
              row.functionId(), row.key(), decode(row.serialization(), row.value(), workflowId, what)));
    }
    return history;
  }

  /** The messages sent to the workflow that no {@code recv} has consumed, oldest first. */
  public List<WorkflowMessage> pendingMessages(String workflowId) {
    require(workflowId);
    List<WorkflowMessage> messages = new ArrayList<>();
    for (CommunicationStore.MessageRow row : store.pendingMessages(workflowId)) {
      String topic = MessageStore.NULL_TOPIC.equals(row.topic()) ? null : row.topic();
      Object message = decode(row.serialization(), row.message(), workflowId, "message " + row.messageId());
      messages.add(new WorkflowMessage(row.messageId(), topic, message, Instant.ofEpochMilli(row.createdAtEpochMs())));
    }
    return messages;
  }

  /**
   * The values written to each of the workflow's streams, by key, in offset order; DBOS's closing
   * value is left out, as DBOS Java's {@code getAllStreamEntries} does.
   */
  public Map<String, List<Object>> streams(String workflowId) {
    require(workflowId);
    Map<String, List<Object>> streams = new LinkedHashMap<>();
    for (CommunicationStore.StreamValueRow row : store.streamValues(workflowId)) {
      if (STREAM_CLOSED.equals(row.value())) {
        continue; // written by DBOS before its portable format: the bare text, not JSON
      }
      Object value = decode(row.serialization(), row.value(), workflowId, "stream '" + row.key() + "'");
      if (!STREAM_CLOSED.equals(value)) {
        streams.computeIfAbsent(row.key(), key -> new ArrayList<>()).add(value);
      }
    }
    return streams;
  }

  private void require(String workflowId) {
    if (workflows.find(workflowId).isEmpty()) {
      throw new NoSuchWorkflowException(workflowId, "no workflow with ID '" + workflowId + "' is recorded");
    }
  }

  private Object decode(String serialization, String text, String workflowId, String what) {
    try {
      return json.decodeUntyped(serialization, text);
    } catch (RuntimeException e) {
      throw new DbosException(
          "the " + what + " of workflow " + workflowId + " cannot be read as "
              + (serialization == null ? "JSON" : serialization) + ": " + e.getMessage(),
          e);
    }
  }
}
