package io.dbosj.internal.runtime;

import io.dbosj.internal.exec.QueueSignal;
import io.dbosj.internal.queue.EnqueueAnnouncer;
import io.dbosj.internal.queue.QueueRunner;

/**
 * Wakes this process's queue runner, for the parts built before it (admission, management,
 * recovery): a wake-up before the runner exists is nothing to do, as it looks at its queues when
 * it starts.
 */
final class QueueWakeUp implements QueueSignal {
  private final EnqueueAnnouncer announcer;
  private volatile QueueRunner runner;

  /** {@code announcer} tells other processes of enqueues; {@code null} where none can hear (SQLite). */
  QueueWakeUp(EnqueueAnnouncer announcer) {
    this.announcer = announcer;
  }

  void connect(QueueRunner queueRunner) {
    this.runner = queueRunner;
  }

  @Override
  public void run() {
    QueueRunner r = runner;
    if (r != null) {
      r.wake();
    }
  }

  @Override
  public void enqueued(String queueName) {
    QueueRunner r = runner;
    if (r != null) {
      r.enqueuedOn(queueName);
    }
    if (announcer != null) {
      announcer.announce(queueName);
    }
  }

  @Override
  public boolean announcesEnqueues() {
    return announcer != null;
  }

  @Override
  public void wakeAt(long epochMillis) {
    QueueRunner r = runner;
    if (r != null) {
      r.wakeAt(epochMillis);
    }
  }
}
