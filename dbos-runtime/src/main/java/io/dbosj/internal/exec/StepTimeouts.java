package io.dbosj.internal.exec;

import io.dbosj.internal.lifecycle.Service;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer that interrupts step attempts running past their {@code @Step(timeoutSeconds)}:
 * an attempt arms it on the thread running the step (virtual or platform), and disarms it when
 * the body returns. Its single thread starts with the first timed attempt; the {@link
 * WorkflowExecutor} that owns it stops it on close.
 */
final class StepTimeouts implements Service {
  private final ScheduledThreadPoolExecutor timer =
      new ScheduledThreadPoolExecutor(
          1,
          task -> {
            Thread thread = new Thread(task, "dbos-step-timeouts");
            thread.setDaemon(true);
            return thread;
          });

  StepTimeouts() {
    timer.setRemoveOnCancelPolicy(true); // a step that ends in time leaves nothing queued behind
  }

  @Override
  public String name() {
    return "step timeout timer";
  }

  /** Times an attempt running on this thread: past {@code timeout} (null: none) it is interrupted. */
  Attempt arm(Duration timeout) {
    Attempt attempt = new Attempt(Thread.currentThread());
    if (timeout != null) {
      try {
        attempt.expiry = timer.schedule(attempt::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException closing) {
        // close() stops the timer after the workflows' threads, which it interrupts itself
      }
    }
    return attempt;
  }

  /** One timed attempt. Expiry and the attempt's end exclude each other, so an interrupt lands only inside it. */
  static final class Attempt {
    private final Thread thread;
    private ScheduledFuture<?> expiry;
    private boolean ended;
    private boolean expired;

    private Attempt(Thread thread) {
      this.thread = thread;
    }

    private synchronized void expire() {
      if (!ended) {
        expired = true;
        thread.interrupt();
      }
    }

    /**
     * Ends the attempt, on its own thread: cancels the timer, and says whether it expired. If it
     * did, the interrupt it sent is cleared, so what follows (a retry, the checkpoint write) runs
     * undisturbed.
     */
    synchronized boolean end() {
      ended = true;
      if (expiry != null) {
        expiry.cancel(false);
      }
      if (expired) {
        Thread.interrupted();
      }
      return expired;
    }
  }

  @Override
  public boolean stop(Duration timeout) throws InterruptedException {
    timer.shutdownNow();
    return timer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
