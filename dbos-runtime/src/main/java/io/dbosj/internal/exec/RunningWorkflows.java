package io.dbosj.internal.exec;

import io.dbosj.internal.serde.Outcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * The workflows executing in this process, by ID. Whoever claims an ID first executes it; a
 * recovery, a resume or a caller that comes second attaches to that execution's outcome, so one
 * process never runs the same workflow twice at once.
 */
public final class RunningWorkflows {
  private final ConcurrentMap<String, CompletableFuture<Outcome<?>>> running =
      new ConcurrentHashMap<>();
  /** Told the ID of each execution that ends here, after it recorded its outcome; set by the outcome poller. */
  private volatile Consumer<String> onFinish = workflowId -> {};

  public RunningWorkflows() {}

  /** Tells {@code listener} the ID of each execution that ends from now on. */
  void onFinish(Consumer<String> listener) {
    this.onFinish = listener;
  }

  /**
   * Claims {@code workflowId}. Returns {@code null} if this caller now owns its execution (and
   * must {@link #finish} it), or the outcome of the execution already under way.
   */
  CompletableFuture<Outcome<?>> claim(String workflowId, CompletableFuture<Outcome<?>> mine) {
    return running.putIfAbsent(workflowId, mine);
  }

  /** The execution of {@code workflowId} under way here, or {@code null}. */
  public CompletableFuture<Outcome<?>> get(String workflowId) {
    return running.get(workflowId);
  }

  void finish(String workflowId, CompletableFuture<Outcome<?>> mine, Outcome<?> outcome) {
    running.remove(workflowId, mine);
    mine.complete(outcome);
    onFinish.accept(workflowId);
  }

  public int size() {
    return running.size();
  }
}
