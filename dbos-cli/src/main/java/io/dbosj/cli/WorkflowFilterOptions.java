package io.dbosj.cli;

import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowState;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Option;

/** The filters {@code workflow list} and {@code workflow cancel} share: status, name, queue, version, time. */
final class WorkflowFilterOptions {
  @Option(names = {"-S", "--status"}, paramLabel = "STATUS", split = ",",
      description = "Only these statuses: ${COMPLETION-CANDIDATES}.")
  List<WorkflowState> states;

  @Option(names = {"-n", "--name"}, description = "Only workflows with this name.")
  String name;

  @Option(names = {"-q", "--queue"}, description = "Only workflows of this queue.")
  String queue;

  @Option(names = {"-v", "--application-version"}, description = "Only this application version.")
  String appVersion;

  @Option(names = {"-s", "--start-time"}, paramLabel = "INSTANT",
      description = "Only workflows started at or after this ISO-8601 instant, e.g. 2026-01-31T12:00:00Z.")
  Instant startTime;

  @Option(names = {"-e", "--end-time"}, paramLabel = "INSTANT",
      description = "Only workflows started at or before this ISO-8601 instant.")
  Instant endTime;

  /** {@code filter} narrowed by each of these options given. */
  WorkflowFilter applyTo(WorkflowFilter filter) {
    if (states != null) {
      filter = filter.states(states.toArray(new WorkflowState[0]));
    }
    if (name != null) {
      filter = filter.name(name);
    }
    if (queue != null) {
      filter = filter.queueName(queue);
    }
    if (appVersion != null) {
      filter = filter.appVersion(appVersion);
    }
    if (startTime != null) {
      filter = filter.createdAfter(startTime);
    }
    if (endTime != null) {
      filter = filter.createdBefore(endTime);
    }
    return filter;
  }

  /** Whether any of these options was given. */
  boolean any() {
    return states != null || name != null || queue != null || appVersion != null || startTime != null || endTime != null;
  }
}
