package io.dbosj.internal.admin;

import io.dbosj.WorkflowStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow as DBOS's admin servers answer with it (the TypeScript SDK's {@code
 * protocol.WorkflowsOutput}): the same field names, timestamps as epoch milliseconds in strings,
 * the output and error as the text recorded, and absent fields left out, so tools written for
 * DBOS read our answers.
 */
final class WorkflowsOutput {
  private WorkflowsOutput() {}

  static List<Map<String, Object>> of(List<WorkflowStatus> workflows) {
    return workflows.stream().map(WorkflowsOutput::of).toList();
  }

  static Map<String, Object> of(WorkflowStatus w) {
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, "WorkflowUUID", w.workflowId());
    put(out, "Status", w.state().name());
    put(out, "WorkflowName", w.name());
    put(out, "WorkflowClassName", w.className());
    put(out, "WorkflowConfigName", w.instanceName() == null || w.instanceName().isEmpty() ? null : w.instanceName());
    put(out, "Output", w.output());
    put(out, "Error", w.error() == null ? null : w.error().recorded());
    put(out, "CreatedAt", Long.toString(w.createdAt().toEpochMilli()));
    put(out, "UpdatedAt", Long.toString(w.updatedAt().toEpochMilli()));
    put(out, "QueueName", w.queueName());
    put(out, "ApplicationVersion", w.appVersion());
    put(out, "ExecutorID", w.executorId());
    put(out, "RecoveryAttempts", Long.toString(w.recoveryAttempts()));
    return out;
  }

  private static void put(Map<String, Object> out, String field, Object value) {
    if (value != null) {
      out.put(field, value);
    }
  }
}
