package io.dbosj.internal.exec;

/**
 * Tells this process's queue runner about work: enqueued now on any queue ({@link #run}) or on one
 * ({@link #enqueued}), or {@code DELAYED} until an instant ({@link #wakeAt}), so it looks then
 * without polling for it.
 */
public interface QueueSignal extends Runnable {
  /** For a process that runs no queues: a client. */
  QueueSignal NONE =
      new QueueSignal() {
        @Override
        public void run() {}

        @Override
        public void enqueued(String queueName) {}

        @Override
        public boolean announcesEnqueues() {
          return false;
        }

        @Override
        public void wakeAt(long epochMillis) {}
      };

  /** Work enqueued on {@code queueName} has committed now. */
  void enqueued(String queueName);

  /**
   * Whether {@link #enqueued} also tells other processes: then an enqueue's insert need not
   * notify them itself.
   */
  boolean announcesEnqueues();

  /** A {@code DELAYED} workflow of this process's queues is due at {@code epochMillis}. */
  void wakeAt(long epochMillis);
}
