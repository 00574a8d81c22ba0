package io.dbosj.internal.admin;

import io.dbosj.WorkflowEventHistoryEntry;
import io.dbosj.WorkflowMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A workflow's events, pending messages and streams in the shapes DBOS Java's conductor protocol
 * gives them ({@code GetWorkflowEventsResponse.EventOutput}: {@code key}, {@code value};
 * {@code GetWorkflowNotificationsResponse.NotificationOutput}: {@code topic}, {@code message},
 * {@code created_at_epoch_ms}, {@code consumed}; {@code GetWorkflowStreamsResponse.StreamEntryOutput}:
 * {@code key}, {@code values}), values as JSON text, plus what DBOS leaves out:
 * each event's {@code history} ({@code function_id}, {@code value}) and each message's {@code
 * message_id}.
 */
final class CommunicationOutput {
  private CommunicationOutput() {}

  static List<Map<String, Object>> events(WorkflowEvents events) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, Object> event : events.current().entrySet()) {
      List<Map<String, Object>> history = new ArrayList<>();
      for (WorkflowEventHistoryEntry set : events.history()) {
        if (set.key().equals(event.getKey())) {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("function_id", set.functionId());
          entry.put("value", jsonText(set.value()));
          history.add(entry);
        }
      }
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("key", event.getKey());
      item.put("value", jsonText(event.getValue()));
      item.put("history", history);
      out.add(item);
    }
    return out;
  }

  static List<Map<String, Object>> messages(List<WorkflowMessage> messages) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (WorkflowMessage m : messages) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("topic", m.topic());
      item.put("message", jsonText(m.message()));
      item.put("created_at_epoch_ms", m.createdAt().toEpochMilli());
      item.put("consumed", false);
      item.put("message_id", m.messageId());
      out.add(item);
    }
    return out;
  }

  static List<Map<String, Object>> streams(Map<String, List<Object>> streams) {
    List<Map<String, Object>> out = new ArrayList<>();
    streams.forEach(
        (key, values) -> {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("key", key);
          item.put("values", values.stream().map(CommunicationOutput::jsonText).toList());
          out.add(item);
        });
    return out;
  }

  private static String jsonText(Object value) {
    return JsonMapper.shared().writeValueAsString(value);
  }
}
