package io.dbosj.internal.admin;

import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowState;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /queues}, with the fields of DBOS Java 1.1's {@code
 * ListQueuedWorkflowsRequest}: workflows on a queue, by default those not yet finished ({@code
 * ENQUEUED} or {@code PENDING}); inputs loaded unless {@code load_input} is false, outputs never.
 */
record ListQueuedRequest(WorkflowFilter filter, List<String> queueNames, int limit, int offset, boolean loadInput) {
  static final List<String> FIELDS =
      List.of(
          "workflow_name", "start_time", "end_time", "status", "fork_from", "parent_workflow_id",
          "queue_name", "limit", "offset", "sort_desc", "load_input");

  static ListQueuedRequest parse(JsonNode body) {
    RequestFields fields = RequestFields.of(body, FIELDS, "POST /queues");
    fields.unsupported("fork_from");
    fields.unsupported("parent_workflow_id");
    WorkflowState[] states = fields.states("status");
    List<String> queueNames = fields.strings("queue_name");
    WorkflowFilter filter =
        WorkflowFilter.all()
            .states(states.length > 0 ? states : new WorkflowState[] {WorkflowState.ENQUEUED, WorkflowState.PENDING})
            .createdAfter(fields.instant("start_time"))
            .createdBefore(fields.instant("end_time"))
            .queueName(queueNames.size() == 1 ? queueNames.get(0) : null)
            .newestFirst(fields.bool("sort_desc", false));
    String name = fields.single("workflow_name");
    if (name != null) {
      filter = filter.name(name);
    }
    WorkflowFilter paged = ListWorkflowsRequest.page(filter, fields); // checks limit and offset
    return new ListQueuedRequest(
        filter.limit(Integer.MAX_VALUE), queueNames, paged.limit(), paged.offset(), fields.bool("load_input", true));
  }

  /**
   * Of the workflows the filter found, those on a queue (one of {@code queueNames}, if given),
   * paged: the filter can select one queue, not "any queue" or several.
   */
  List<AdminWorkflow> select(List<AdminWorkflow> found) {
    Stream<AdminWorkflow> queued =
        found.stream()
            .filter(w -> w.status().queueName() != null)
            .filter(w -> queueNames.isEmpty() || queueNames.contains(w.status().queueName()));
    return queued.skip(offset).limit(limit).toList();
  }
}
