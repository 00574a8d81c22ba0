package io.dbosj;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Which workflows {@code dbos.listWorkflows(...)} returns: every workflow, newest first, at most
 * 100, unless told otherwise.
 *
 * <p>A value, built from {@link #all()}: each criterion is read by the method of its name without
 * an argument and set by the method of its name with one, which returns a new filter (the
 * convention {@link Queue} and {@link StartOptions} follow). Two filters with the same criteria
 * are equal.
 *
 * <pre>{@code
 * WorkflowFilter failed = WorkflowFilter.all().states(WorkflowState.ERROR).createdAfter(yesterday).limit(20);
 * dbos.listWorkflows(failed);
 * failed.states();   // [ERROR]
 * }</pre>
 */
public final class WorkflowFilter {
  private static final WorkflowFilter ALL =
      new WorkflowFilter(List.of(), null, List.of(), null, null, null, null, 100, 0, true);

  private final List<String> workflowIds;
  private final String name;
  private final List<WorkflowState> states;
  private final Instant createdAfter;
  private final Instant createdBefore;
  private final String appVersion;
  private final String queueName;
  private final int limit;
  private final int offset;
  private final boolean newestFirst;

  private WorkflowFilter(
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
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
    }
    this.workflowIds = List.copyOf(workflowIds);
    this.name = name;
    this.states = List.copyOf(states);
    this.createdAfter = createdAfter;
    this.createdBefore = createdBefore;
    this.appVersion = appVersion;
    this.queueName = queueName;
    this.limit = limit;
    this.offset = offset;
    this.newestFirst = newestFirst;
  }

  /** Every workflow, newest first, at most 100. */
  public static WorkflowFilter all() {
    return ALL;
  }

  /** Only the workflows with these IDs. */
  public WorkflowFilter workflowIds(String... ids) {
    return new WorkflowFilter(List.of(ids), name, states, createdAfter, createdBefore, appVersion, queueName, limit, offset, newestFirst);
  }

  /** Only workflows with this durable name. */
  public WorkflowFilter name(String workflowName) {
    return new WorkflowFilter(workflowIds, Objects.requireNonNull(workflowName, "name"), states, createdAfter, createdBefore, appVersion, queueName, limit, offset, newestFirst);
  }

  /** Only workflows in one of these states. */
  public WorkflowFilter states(WorkflowState... wanted) {
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

  /** Only workflows recorded with this application version. */
  public WorkflowFilter appVersion(String version) {
    return new WorkflowFilter(workflowIds, name, states, createdAfter, createdBefore, version, queueName, limit, offset, newestFirst);
  }

  /** Only workflows enqueued on the queue of this name. */
  public WorkflowFilter queueName(String queue) {
    return new WorkflowFilter(workflowIds, name, states, createdAfter, createdBefore, appVersion, queue, limit, offset, newestFirst);
  }

  /** At most {@code max} workflows (1 or more). */
  public WorkflowFilter limit(int max) {
    return new WorkflowFilter(workflowIds, name, states, createdAfter, createdBefore, appVersion, queueName, max, offset, newestFirst);
  }

  /** Skips the first {@code skip} workflows (0 or more) of the order asked for. */
  public WorkflowFilter offset(int skip) {
    return new WorkflowFilter(workflowIds, name, states, createdAfter, createdBefore, appVersion, queueName, limit, skip, newestFirst);
  }

  /** Newest first ({@code true}, the default) or oldest first. */
  public WorkflowFilter newestFirst(boolean newest) {
    return new WorkflowFilter(workflowIds, name, states, createdAfter, createdBefore, appVersion, queueName, limit, offset, newest);
  }

  /** The workflow IDs asked for; empty for any. */
  public List<String> workflowIds() {
    return workflowIds;
  }

  /** The durable name asked for, or {@code null} for any. */
  public String name() {
    return name;
  }

  /** The states asked for; empty for any. */
  public List<WorkflowState> states() {
    return states;
  }

  /** The earliest creation time asked for, or {@code null}. */
  public Instant createdAfter() {
    return createdAfter;
  }

  /** The latest creation time asked for, or {@code null}. */
  public Instant createdBefore() {
    return createdBefore;
  }

  /** The application version asked for, or {@code null} for any. */
  public String appVersion() {
    return appVersion;
  }

  /** The queue name asked for, or {@code null} for any. */
  public String queueName() {
    return queueName;
  }

  /** The most workflows returned. */
  public int limit() {
    return limit;
  }

  /** How many workflows are skipped. */
  public int offset() {
    return offset;
  }

  /** Whether the newest come first. */
  public boolean newestFirst() {
    return newestFirst;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkflowFilter other
        && workflowIds.equals(other.workflowIds)
        && Objects.equals(name, other.name)
        && states.equals(other.states)
        && Objects.equals(createdAfter, other.createdAfter)
        && Objects.equals(createdBefore, other.createdBefore)
        && Objects.equals(appVersion, other.appVersion)
        && Objects.equals(queueName, other.queueName)
        && limit == other.limit
        && offset == other.offset
        && newestFirst == other.newestFirst;
  }

  @Override
  public int hashCode() {
    return Objects.hash(workflowIds, name, states, createdAfter, createdBefore, appVersion, queueName, limit, offset, newestFirst);
  }

  /**
   * The criteria that are set, then the order and page, e.g. {@code WorkflowFilter{states=[ERROR],
   * limit=20, offset=0, newestFirst=true}}.
   */
  @Override
  public String toString() {
    StringJoiner set = new StringJoiner(", ", "WorkflowFilter{", "}");
    if (!workflowIds.isEmpty()) {
      set.add("workflowIds=" + workflowIds);
    }
    if (name != null) {
      set.add("name=" + name);
    }
    if (!states.isEmpty()) {
      set.add("states=" + states);
    }
    if (createdAfter != null) {
      set.add("createdAfter=" + createdAfter);
    }
    if (createdBefore != null) {
      set.add("createdBefore=" + createdBefore);
    }
    if (appVersion != null) {
      set.add("appVersion=" + appVersion);
    }
    if (queueName != null) {
      set.add("queueName=" + queueName);
    }
    return set.add("limit=" + limit).add("offset=" + offset).add("newestFirst=" + newestFirst).toString();
  }
}
