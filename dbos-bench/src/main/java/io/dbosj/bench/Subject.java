package io.dbosj.bench;

/** A workflow engine under measurement, launched on one database: io.dbosj or the peer. */
interface Subject extends AutoCloseable {
  /** Runs one three-step workflow to completion. */
  void runThreeSteps() throws Exception;

  /** Enqueues {@code tasks} one-step workflows on a queue of concurrency 32 and waits for all. */
  void runQueue(int tasks) throws Exception;

  /** Starts {@code count} workflows in the background whose first step blocks while the {@link Gate} is closed. */
  void startStuck(int count) throws Exception;

  @Override
  void close();
}
