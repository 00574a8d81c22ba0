package io.dbosj.internal.exec;

import io.dbosj.internal.serde.Outcome;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The workflows executing in this process, by ID. Whoever claims an ID first executes it; a
 * recovery, a resume or a caller that comes second attaches to that execution's outcome, so one
 * process never runs the same workflow twice at once.
 *
 * <p>It also keeps, for the handles of workflows enqueued here, the outcome each is promised:
 * completed when that workflow ends here, so the handle has it without reading the row, and at
 * once rather than at the end of a pause between reads. A promise is held only as long as some
 * handle holds it.
 */
public final class RunningWorkflows {
  private final ConcurrentMap<String, CompletableFuture<Outcome<?>>> running =
      new ConcurrentHashMap<>();
  /** Told the ID of each execution that ends here, after it recorded its outcome; set by the outcome poller. */
  private volatile Consumer<String> onFinish = workflowId -> {};
  private final ConcurrentMap<String, Promise> promised = new ConcurrentHashMap<>();
  private final ReferenceQueue<CompletableFuture<Outcome<?>>> dropped = new ReferenceQueue<>();

  /** A promised outcome, held weakly: once no handle holds it, it is dropped from {@link #promised}. */
  private static final class Promise extends WeakReference<CompletableFuture<Outcome<?>>> {
    final String workflowId;

    Promise(String workflowId, CompletableFuture<Outcome<?>> outcome, ReferenceQueue<CompletableFuture<Outcome<?>>> dropped) {
      super(outcome, dropped);
      this.workflowId = workflowId;
    }
  }

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

  /**
   * The outcome promised to a handle of {@code workflowId}: completed if an execution here runs
   * it to its end (not if one stops for another process, an outage or close to finish it). Every
   * caller for one ID while a handle holds its promise gets the same one.
   */
  CompletableFuture<Outcome<?>> promise(String workflowId) {
    for (Reference<?> gone; (gone = dropped.poll()) != null; ) {
      promised.remove(((Promise) gone).workflowId, gone);
    }
    CompletableFuture<Outcome<?>> fresh = new CompletableFuture<>();
    AtomicReference<CompletableFuture<Outcome<?>>> kept = new AtomicReference<>(fresh);
    promised.compute(workflowId, (id, old) -> {
      CompletableFuture<Outcome<?>> held = old == null ? null : old.get();
      if (held != null) {
        kept.set(held);
        return old;
      }
      return new Promise(id, fresh, dropped);
    });
    return kept.get();
  }

  /** How many promises are held: for a test that they go once no handle holds them. */
  int promised() {
    return promised.size();
  }

  void finish(String workflowId, CompletableFuture<Outcome<?>> mine, Outcome<?> outcome) {
    running.remove(workflowId, mine);
    mine.complete(outcome);
    if (OutcomePoller.endedHere(outcome)) {
      Promise promise = promised.remove(workflowId);
      CompletableFuture<Outcome<?>> held = promise == null ? null : promise.get();
      if (held != null) {
        held.complete(outcome);
      }
    }
    onFinish.accept(workflowId);
  }

  public int size() {
    return running.size();
  }
}
