package io.dbosj.internal.admin;

import io.dbosj.WorkflowEventHistoryEntry;
import java.util.List;
import java.util.Map;

/** A workflow's events: each key's current value, and every value each had, in order. */
public record WorkflowEvents(Map<String, Object> current, List<WorkflowEventHistoryEntry> history) {}
