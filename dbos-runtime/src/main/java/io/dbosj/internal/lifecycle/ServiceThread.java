package io.dbosj.internal.lifecycle;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

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

  private ServiceThread(String threadName, Duration interval, Runnable tick) {
    this.thread = new Thread(() -> repeat(interval, tick), threadName);
    this.thread.setDaemon(true);
  }

  /** A thread that runs {@code tick} every {@code interval}, the first time one interval after it starts. */
  public static ServiceThread every(String threadName, Duration interval, Runnable tick) {
    return new ServiceThread(threadName, interval, tick);
  }

  private void repeat(Duration interval, Runnable tick) {
    while (!stopping) {
      LockSupport.parkNanos(interval.toNanos());
      if (stopping) {
        return;
      }
      tick.run();
    }
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
