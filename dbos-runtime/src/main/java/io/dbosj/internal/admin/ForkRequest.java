package io.dbosj.internal.admin;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /workflows/{id}/fork}, DBOS's {@code ForkRequest}: the step to start
 * from (0, the whole workflow again, if absent), and optionally the fork's ID and application
 * version.
 */
record ForkRequest(int startStep, String newWorkflowId, String applicationVersion) {
  static final List<String> FIELDS = List.of("start_step", "new_workflow_id", "application_version");

  static ForkRequest parse(JsonNode body) {
    RequestFields fields = RequestFields.of(body, FIELDS, "POST /workflows/{id}/fork");
    Integer startStep = fields.integer("start_step");
    if (startStep != null && startStep < 0) {
      throw new BadRequest("start_step must be 0 or more; it is " + startStep);
    }
    return new ForkRequest(
        startStep == null ? 0 : startStep, fields.string("new_workflow_id"), fields.string("application_version"));
  }
}
