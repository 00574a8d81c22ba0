package io.dbosj.internal.admin;

import io.dbosj.CancelOptions;
import io.dbosj.WorkflowFilter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of our {@code POST /workflows/cancel}: the filter fields of {@code POST /workflows}
 * (what it would list is what is cancelled), {@code cancel_children} as DBOS's conductor names it,
 * and {@code interrupt_running_step}. A body that selects by nothing is refused.
 */
record CancelWorkflowsRequest(WorkflowFilter filter, CancelOptions options) {
  private static final List<String> FIELDS = fields();

  static CancelWorkflowsRequest parse(JsonNode body) {
    RequestFields fields = RequestFields.of(body, FIELDS, "POST /workflows/cancel");
    CancelOptions options =
        CancelOptions.defaults()
            .cancelChildren(fields.bool("cancel_children", false))
            .interruptRunningStep(fields.bool("interrupt_running_step", false));
    return new CancelWorkflowsRequest(ListWorkflowsRequest.filter(fields), options);
  }

  private static List<String> fields() {
    List<String> fields = new ArrayList<>(ListWorkflowsRequest.FIELDS);
    fields.removeAll(List.of("load_input", "load_output"));
    fields.add("cancel_children");
    fields.add("interrupt_running_step");
    return List.copyOf(fields);
  }
}
