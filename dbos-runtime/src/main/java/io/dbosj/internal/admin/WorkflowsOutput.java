package io.dbosj.internal.admin;

import io.dbosj.WorkflowStatus;
import io.dbosj.internal.db.WorkflowDetails;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A workflow as DBOS Java 1.1's admin server answers with it ({@code
 * conductor.protocol.WorkflowsOutput}): every one of its fields, in its (alphabetical) order,
 * {@code null} when there is no value; times and numbers as strings; {@code Input} the JSON list
 * of arguments, {@code Output} the JSON text recorded, {@code Error} "class: message".
 */
final class WorkflowsOutput {
  /** DBOS's fields, whatever they hold, so that readers find each one. */
  static final List<String> FIELDS =
      List.of(
          "ApplicationVersion", "AssumedRole", "Attributes", "AuthenticatedRoles", "AuthenticatedUser",
          "CompletedAt", "CreatedAt", "DeduplicationID", "DelayUntilEpochMS", "DequeuedAt", "Error",
          "ExecutorID", "ForkedFrom", "Input", "Output", "ParentWorkflowID", "Priority", "QueueName",
          "QueuePartitionKey", "Request", "ScheduleName", "Status", "UpdatedAt", "WasForkedFrom",
          "WorkflowClassName", "WorkflowConfigName", "WorkflowDeadlineEpochMS", "WorkflowName",
          "WorkflowTimeoutMS", "WorkflowUUID");

  private WorkflowsOutput() {}

  static Map<String, Object> of(AdminWorkflow workflow, boolean loadInput, boolean loadOutput) {
    WorkflowStatus w = workflow.status();
    Map<String, Object> out = new TreeMap<>();
    FIELDS.forEach(field -> out.put(field, null));
    out.put("WorkflowUUID", w.workflowId());
    out.put("Status", w.state().name());
    out.put("WorkflowName", w.name());
    out.put("WorkflowClassName", w.className());
    out.put("WorkflowConfigName", w.instanceName() == null || w.instanceName().isEmpty() ? null : w.instanceName());
    if (loadInput) {
      out.put("Input", arguments(workflow.inputs()));
    }
    if (loadOutput) {
      out.put("Output", w.output());
      out.put("Error", w.error() == null ? null : w.error().toString());
    }
    out.put("CreatedAt", epochMillis(w.createdAt()));
    out.put("UpdatedAt", epochMillis(w.updatedAt()));
    out.put("QueueName", w.queueName());
    out.put("ApplicationVersion", w.appVersion());
    out.put("ExecutorID", w.executorId());
    out.put("WorkflowTimeoutMS", text(workflow.timeoutMillis()));
    out.put("WorkflowDeadlineEpochMS", text(workflow.deadlineEpochMillis()));
    WorkflowDetails d = workflow.details();
    out.put("AuthenticatedUser", d.authenticatedUser());
    out.put("AssumedRole", d.assumedRole());
    out.put("AuthenticatedRoles", d.authenticatedRoles());
    out.put("Request", d.request());
    out.put("DeduplicationID", d.deduplicationId());
    out.put("Priority", Integer.toString(d.priority() == null ? 0 : d.priority()));
    out.put("QueuePartitionKey", d.queuePartitionKey());
    out.put("ForkedFrom", d.forkedFrom());
    out.put("ParentWorkflowID", d.parentWorkflowId());
    out.put("DequeuedAt", text(d.startedAt()));
    out.put("WasForkedFrom", d.wasForkedFrom());
    out.put("DelayUntilEpochMS", text(d.delayUntil()));
    out.put("CompletedAt", text(d.completedAt()));
    out.put("Attributes", d.attributes());
    out.put("ScheduleName", d.scheduleName());
    return out;
  }

  /**
   * The arguments as a JSON list, as DBOS shows them: the recorded list, or the {@code
   * positionalArgs} of DBOS's portable form; anything else as recorded.
   */
  static String arguments(String inputs) {
    if (inputs == null) {
      return null;
    }
    try {
      JsonNode node = JsonMapper.shared().readTree(inputs);
      if (node.isObject() && node.has("positionalArgs")) {
        return node.get("positionalArgs").toString();
      }
    } catch (JacksonException e) {
      // shown as recorded
    }
    return inputs;
  }

  private static String epochMillis(Instant instant) {
    return instant == null ? null : Long.toString(instant.toEpochMilli());
  }

  private static String text(Long value) {
    return value == null ? null : value.toString();
  }
}
