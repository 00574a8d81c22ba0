package io.dbosj.internal.recovery;

import io.dbosj.WorkflowState;
import io.dbosj.internal.db.ExecutorRow;
import io.dbosj.internal.db.ExecutorStore;
import io.dbosj.internal.db.RunnableScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which unfinished workflows no process can run, and why: their application version is none of
 * the live processes', and no live process's code of their workflow has the fingerprint recorded
 * with them. With no live process, the one started last stands for the deploy in place.
 */
public final class StrandedWorkflows {
  private final ExecutorStore executors;
  private final Duration lease;

  public StrandedWorkflows(ExecutorStore executors, Duration lease) {
    this.executors = executors;
    this.lease = lease;
  }

  /** For each of {@code workflowIds} that is stranded, the reason, by workflow ID. */
  public Map<String, String> reasons(Collection<String> workflowIds) {
    Map<String, String> reasons = new LinkedHashMap<>();
    if (workflowIds.isEmpty()) {
      return reasons;
    }
    Map<String, RunnableScope> scopes = executors.scopes();
    if (scopes.isEmpty()) {
      return reasons; // no process of this release ever ran here: nothing to compare with
    }
    Judges judges = judges(executors.all(), scopes);
    if (judges.rows().isEmpty()) {
      return reasons;
    }
    for (String id : workflowIds) {
      executors.workflowScope(id)
          .filter(w -> WorkflowState.PENDING.name().equals(w.status()) || WorkflowState.ENQUEUED.name().equals(w.status()))
          .filter(w -> judges.rows().stream()
              .noneMatch(e -> scopes.get(e.executorId()).admits(w.appVersion(), w.fingerprint())))
          .ifPresent(w -> reasons.put(id, reason(w, judges)));
    }
    return reasons;
  }

  /** The executors a workflow is compared with, and whether they are live (or the last started). */
  private record Judges(List<ExecutorRow> rows, boolean live) {}

  /** The live executors whose scope is known; if none is live, the one started last. */
  private Judges judges(List<ExecutorRow> all, Map<String, RunnableScope> scopes) {
    long now = System.currentTimeMillis();
    List<ExecutorRow> known = all.stream().filter(e -> scopes.containsKey(e.executorId())).toList();
    List<ExecutorRow> live = new ArrayList<>();
    for (ExecutorRow e : known) {
      if (e.state(now, lease.toMillis()).equals("alive")) {
        live.add(e);
      }
    }
    if (!live.isEmpty() || known.isEmpty()) {
      return new Judges(live, true);
    }
    ExecutorRow latest = known.get(0);
    for (ExecutorRow e : known) {
      if (e.startedAt() > latest.startedAt()) {
        latest = e;
      }
    }
    return new Judges(List.of(latest), false);
  }

  private static String reason(ExecutorStore.WorkflowScope w, Judges judges) {
    StringBuilder versions = new StringBuilder();
    for (ExecutorRow e : judges.rows()) {
      versions.append(versions.length() == 0 ? "" : ", ").append(e.executorId()).append(" (version ")
          .append(e.appVersion()).append(')');
    }
    return "recorded by application version " + w.appVersion()
        + (w.fingerprint() == null ? "" : " with workflow fingerprint " + w.fingerprint())
        + "; no process runs that code (" + (judges.live() ? "live: " : "none live; last started: ")
        + versions + "). Fork it onto a version that does: dbos workflow fork <id> --step 0";
  }
}
