package io.dbosj.internal.exec;

/**
 * The outcome given to callers attached to a claim that was let go without executing: the
 * workflow waits on its queue, or runs in another process. They read its outcome from its row.
 */
final class ExecutedElsewhere extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ExecutedElsewhere() {
    super("this workflow is not executing in this process", null, false, false);
  }
}
