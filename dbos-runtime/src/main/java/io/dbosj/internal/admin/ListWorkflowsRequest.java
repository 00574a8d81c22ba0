package io.dbosj.internal.admin;

import io.dbosj.WorkflowFilter;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /workflows}, with the fields of DBOS Java 1.1's {@code
 * ListWorkflowsRequest} (and our {@code queue_name}). As DBOS's: everything optional, oldest
 * first, no limit, inputs and outputs loaded.
 */
record ListWorkflowsRequest(WorkflowFilter filter, boolean loadInput, boolean loadOutput) {
  static final List<String> FIELDS =
      List.of(
          "workflow_uuids", "workflow_name", "authenticated_user", "start_time", "end_time",
          "completed_after", "completed_before", "dequeued_after", "dequeued_before", "status",
          "application_version", "fork_from", "parent_workflow_id", "limit", "offset", "sort_desc",
          "workflow_id_prefix", "load_input", "load_output", "queue_name");

  /** DBOS's fields that filter on what io.dbosj does not record or cannot select by yet. */
  private static final List<String> UNSUPPORTED =
      List.of(
          "authenticated_user", "completed_after", "completed_before", "dequeued_after", "dequeued_before",
          "fork_from", "parent_workflow_id", "workflow_id_prefix");

  static ListWorkflowsRequest parse(JsonNode body) {
    RequestFields fields = RequestFields.of(body, FIELDS, "POST /workflows");
    return new ListWorkflowsRequest(filter(fields), fields.bool("load_input", true), fields.bool("load_output", true));
  }

  /** The filter these fields (of {@link #FIELDS}) select by. */
  static WorkflowFilter filter(RequestFields fields) {
    UNSUPPORTED.forEach(fields::unsupported);
    WorkflowFilter filter =
        WorkflowFilter.all()
            .workflowIds(fields.strings("workflow_uuids").toArray(new String[0]))
            .states(fields.states("status"))
            .createdAfter(fields.instant("start_time"))
            .createdBefore(fields.instant("end_time"))
            .appVersion(fields.single("application_version"))
            .queueName(fields.string("queue_name"))
            .newestFirst(fields.bool("sort_desc", false));
    String name = fields.single("workflow_name");
    if (name != null) {
      filter = filter.name(name);
    }
    return page(filter, fields);
  }

  /** Applies {@code limit} (none: every workflow, as DBOS) and {@code offset}. */
  static WorkflowFilter page(WorkflowFilter filter, RequestFields fields) {
    Integer limit = fields.integer("limit");
    Integer offset = fields.integer("offset");
    try {
      return filter.limit(limit == null ? Integer.MAX_VALUE : limit).offset(offset == null ? 0 : offset);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage());
    }
  }
}
