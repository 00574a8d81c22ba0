package io.dbosj.internal.exec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The cancel signal of each workflow executing in this process, by ID: what a cancel made here
 * (or noticed in the database by {@link CancelledElsewhereWatch}) reaches a running execution
 * through.
 */
public final class CancelSignals {
  private final ConcurrentMap<String, CancelSignal> executing = new ConcurrentHashMap<>();
  private final boolean interruptStepsCancelledElsewhere;

  /**
   * {@code interruptStepsCancelledElsewhere}: whether a cancel this process only learns of from
   * the database (made by a client, the CLI, another process) interrupts the running step.
   */
  public CancelSignals(boolean interruptStepsCancelledElsewhere) {
    this.interruptStepsCancelledElsewhere = interruptStepsCancelledElsewhere;
  }

  /** The signal of a new execution of {@code workflowId} on this thread, until {@link #close}. */
  CancelSignal open(String workflowId) {
    CancelSignal signal = new CancelSignal(Thread.currentThread());
    executing.put(workflowId, signal);
    return signal;
  }

  void close(String workflowId, CancelSignal signal) {
    executing.remove(workflowId, signal);
  }

  /** These workflows were just recorded {@code CANCELLED} here; {@code interruptStep} as asked. */
  public void cancelled(Collection<String> workflowIds, boolean interruptStep) {
    for (String id : workflowIds) {
      CancelSignal signal = executing.get(id);
      if (signal != null) {
        signal.cancel(interruptStep);
      }
    }
  }

  /** These workflows were found {@code CANCELLED} in the database, by whoever cancelled them. */
  void cancelledElsewhere(Collection<String> workflowIds) {
    cancelled(workflowIds, interruptStepsCancelledElsewhere);
  }

  /** The workflows executing here that no cancel has reached yet. */
  List<String> notCancelled() {
    List<String> ids = new ArrayList<>();
    executing.forEach((id, signal) -> {
      if (!signal.isCancelled()) {
        ids.add(id);
      }
    });
    return ids;
  }
}
