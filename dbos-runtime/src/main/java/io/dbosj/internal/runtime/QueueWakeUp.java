package io.dbosj.internal.runtime;

import io.dbosj.internal.exec.QueueSignal;
import io.dbosj.internal.queue.QueueRunner;

/**
 * Wakes this process's queue runner, for the parts built before it (admission, management,
 * recovery): a wake-up before the runner exists is nothing to do, as it looks at its queues when
 * it starts.
 */
final class QueueWakeUp implements QueueSignal {
  private volatile QueueRunner runner;

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
      r.wakeFor(queueName);
    }
  }

  @Override
  public void wakeAt(long epochMillis) {
    QueueRunner r = runner;
    if (r != null) {
      r.wakeAt(epochMillis);
    }
  }
}
