package io.dbosj.internal.admin;

import io.dbosj.StepInfo;
import io.dbosj.WorkflowStatus;
import io.dbosj.internal.serde.RecordedError;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recorded operation as DBOS Java 1.1's admin server answers with it ({@code admin.StepOutput}):
 * {@code function_id}, {@code function_name}, {@code output} (the JSON text recorded), {@code
 * error} (a JSON text of DBOS's {@code ErrorResult}: {@code className}, {@code message}, {@code
 * serializedError} the record as written, {@code serialization}, {@code throwable}), and {@code
 * child_workflow_id}; {@code null} where there is none.
 */
final class StepOutput {
  private StepOutput() {}

  static Map<String, Object> of(StepInfo step) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("function_id", step.functionId());
    out.put("function_name", step.name());
    out.put("output", step.error() == null ? step.output() : null);
    out.put("error", errorResult(step.error()));
    out.put("child_workflow_id", step.childWorkflowId());
    return out;
  }

  private static String errorResult(String recorded) {
    if (recorded == null) {
      return null;
    }
    WorkflowStatus.Failure failure = RecordedError.describe(recorded);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("className", failure.className());
    error.put("message", failure.message());
    error.put("serializedError", recorded);
    error.put("serialization", null); // DBOS leaves it null for its own records too
    error.put("throwable", null); // a live Java exception in DBOS: none here
    return JsonMapper.shared().writeValueAsString(error);
  }
}
