package io.dbosj;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Which workflows {@code dbos.listWorkflows(...)} returns. Immutable; each method returns a new
 * filter. Newest first, at most 100, unless told otherwise.
 *
 * <pre>{@code
 * dbos.listWorkflows(WorkflowFilter.all().status(WorkflowState.ERROR).createdAfter(yesterday).limit(20));
 * }</pre>
 */
public record WorkflowFilter(
    List<String> workflowIds,
    String name,
    List<WorkflowState> states,
    Instant createdAfter,
    Instant createdBefore,
    String appVersion,
    String queueName,
    int limit,
    int offset,
    boolean newestFirst) {

  public WorkflowFilter {
    workflowIds = workflowIds == null ? List.of() : List.copyOf(workflowIds);
    states = states == null ? List.of() : List.copyOf(states);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
    }
  }

  /** Every workflow, newest first, at most 100. */
  public static WorkflowFilter all() {
    return new WorkflowFilter(List.of(), null, List.of(), null, null, null, null, 100, 0, true);
  }

  public WorkflowFilter ids(String... ids) {
    return new WorkflowFilter(List.of(ids), name, states, createdAfter, createdBefore, appVersion, queueName, limit, offset, newestFirst);
  }

  /** Only workflows with this durable name. */
  public WorkflowFilter name(String workflowName) {
    return new WorkflowFilter(workflowIds, Objects.requireNonNull(workflowName), states, createdAfter, createdBefore, appVersion, queueName, limit, offset, newestFirst);
  }

  /** Only workflows in one of these states. */
  public WorkflowFilter status(WorkflowState... wanted) {
    return new WorkflowFilter(workflowIds, name, List.of(wanted), createdAfter, createdBefore, appVersion, queueName, limit, offset, newestFirst);
  }

  /** Only workflows started at or after {@code instant}. */
  public WorkflowFilter createdAfter(Instant instant) {
    return new WorkflowFilter(workflowIds, name, states, instant, createdBefore, appVersion, queueName, limit, offset, newestFirst);
  }

  /** Only workflows started at or before {@code instant}. */
  public WorkflowFilter createdBefore(Instant instant) {
    return new WorkflowFilter(workflowIds, name, states, createdAfter, instant, appVersion, queueName, limit, offset, newestFirst);
  }

  public WorkflowFilter appVersion(String version) {
    return new WorkflowFilter(workflowIds, name, states, createdAfter, createdBefore, version, queueName, limit, offset, newestFirst);
  }

  public WorkflowFilter queueName(String queue) {
    return new WorkflowFilter(workflowIds, name, states, createdAfter, createdBefore, appVersion, queue, limit, offset, newestFirst);
  }

  public WorkflowFilter limit(int max) {
    return new WorkflowFilter(workflowIds, name, states, createdAfter, createdBefore, appVersion, queueName, max, offset, newestFirst);
  }

  public WorkflowFilter offset(int skip) {
    return new WorkflowFilter(workflowIds, name, states, createdAfter, createdBefore, appVersion, queueName, limit, skip, newestFirst);
  }

  /** Newest first ({@code true}, the default) or oldest first. */
  public WorkflowFilter newestFirst(boolean newest) {
    return new WorkflowFilter(workflowIds, name, states, createdAfter, createdBefore, appVersion, queueName, limit, offset, newest);
  }
}
