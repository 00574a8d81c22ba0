package io.dbosj.bench;

/** A workflow engine under measurement, launched on one database: io.dbosj or the peer. */
interface Subject extends AutoCloseable {
  /** Runs one three-step workflow to completion. */
  void runThreeSteps() throws Exception;

  /**
   * Enqueues task {@code i}, a one-step workflow, on the queue of concurrency 32, returning once the
   * enqueue is recorded; the returned wait blocks until its result is.
   */
  QueuedTask enqueueTask(int i) throws Exception;

  /** An enqueued task's result, awaited. */
  interface QueuedTask {
    void await() throws Exception;
  }

  /** Starts {@code count} workflows in the background whose first step blocks while the {@link Gate} is closed. */
  void startStuck(int count) throws Exception;

  @Override
  void close();
}
