package io.dbosj.internal.lifecycle;

import java.time.Duration;

/**
 * The one thread of a background loop (queue runner, scheduler, listener): a named daemon
 * thread started once and stopped by setting a flag, interrupting it and joining it.
 */
public final class ServiceThread {
  private final Thread thread;
  private volatile boolean stopping;

  public ServiceThread(String threadName, Runnable loop) {
    this.thread = new Thread(loop, threadName);
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Whether {@link #stop} was called: the loop should return. */
  public boolean stopping() {
    return stopping;
  }

  /** Asks the loop to end and interrupts it, without waiting. */
  public void requestStop() {
    stopping = true;
    thread.interrupt();
  }

  /** Asks the loop to end, interrupts it, and waits up to {@code timeout} for it. */
  public boolean stop(Duration timeout) throws InterruptedException {
    requestStop();
    if (thread.getState() == Thread.State.NEW) {
      return true;
    }
    thread.join(Math.max(1, timeout.toMillis()));
    return !thread.isAlive();
  }
}
