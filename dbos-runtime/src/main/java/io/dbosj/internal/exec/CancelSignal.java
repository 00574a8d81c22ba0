package io.dbosj.internal.exec;

import java.util.function.Supplier;

/**
 * How a cancel reaches one execution of a workflow on its thread, once the workflow is recorded
 * {@code CANCELLED}: no step starts after it, a durable sleep or a wait for a message or an
 * event ends at once, and, when asked, the step running is interrupted. Interrupts go only to a
 * thread inside a step's body, never to the runtime's own work (a checkpoint, a query), so a
 * cancel cannot break a write half-way.
 */
final class CancelSignal {
  private final Thread thread;
  private boolean cancelled;
  private boolean inStep;
  private boolean stepInterrupted;
  private Runnable wakeWait;

  CancelSignal(Thread thread) {
    this.thread = thread;
  }

  /** The workflow is cancelled: wakes its wait, and interrupts its running step if {@code interruptStep}. */
  synchronized void cancel(boolean interruptStep) {
    cancelled = true;
    if (inStep && interruptStep && !stepInterrupted) {
      stepInterrupted = true;
      thread.interrupt();
    }
    if (wakeWait != null) {
      wakeWait.run();
    }
    notifyAll();
  }

  synchronized boolean isCancelled() {
    return cancelled;
  }

  synchronized void enterStep() {
    inStep = true;
  }

  /**
   * Leaves the step's body; {@code true} if a cancel interrupted it, whose interrupt is cleared
   * here: the thread goes on to unwind the workflow, not to fail its next wait.
   */
  synchronized boolean exitStep() {
    inStep = false;
    if (!stepInterrupted) {
      return false;
    }
    stepInterrupted = false;
    Thread.interrupted();
    return true;
  }

  /**
   * Sleeps until {@code untilEpochMs} or a cancel, whichever comes first; {@code true} if cancelled.
   *
   * @throws InterruptedException if the thread is interrupted otherwise (the runtime closing)
   */
  synchronized boolean sleepUntil(long untilEpochMs) throws InterruptedException {
    while (!cancelled) {
      long remaining = untilEpochMs - System.currentTimeMillis();
      if (remaining <= 0) {
        return false;
      }
      wait(remaining);
    }
    return true;
  }

  /** Runs {@code waiter} with {@code wake} as what a cancel calls to end its wait early. */
  <T> T whileWaiting(Runnable wake, Supplier<T> waiter) {
    synchronized (this) {
      wakeWait = wake;
    }
    try {
      return waiter.get();
    } finally {
      synchronized (this) {
        wakeWait = null;
      }
    }
  }
}
