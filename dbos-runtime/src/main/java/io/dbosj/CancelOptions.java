package io.dbosj;

import java.util.Objects;

/**
 * How far {@code cancelWorkflow} and {@code cancelWorkflows} reach. By default, as DBOS's cancel:
 * only the workflows named, each stopping before its next step (a step already running
 * finishes, and its outcome is not recorded).
 *
 * <p>A value, built from {@link #defaults()}; each option is read by the method of its name
 * without an argument and set by the method of its name with one, which returns new options.
 *
 * <pre>{@code
 * // the order, its child workflows and theirs; a step blocked in I/O or a sleep ends now
 * dbos.cancelWorkflow("order-42", CancelOptions.defaults().cancelChildren(true).interruptRunningStep(true));
 * }</pre>
 */
public final class CancelOptions {
  private static final CancelOptions DEFAULTS = new CancelOptions(false, false);

  private final boolean cancelChildren;
  private final boolean interruptRunningStep;

  private CancelOptions(boolean cancelChildren, boolean interruptRunningStep) {
    this.cancelChildren = cancelChildren;
    this.interruptRunningStep = interruptRunningStep;
  }

  /** Only the workflows named; a running step finishes. */
  public static CancelOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Whether the workflows' unfinished descendants are cancelled too: the child workflows they
   * started, those children's children, and so on, in the same transaction. Off by default, as in
   * DBOS.
   */
  public boolean cancelChildren() {
    return cancelChildren;
  }

  /** Options with {@link #cancelChildren()} set. */
  public CancelOptions cancelChildren(boolean cancel) {
    return new CancelOptions(cancel, interruptRunningStep);
  }

  /**
   * Whether a step running in this process when the cancel comes is interrupted ({@link
   * Thread#interrupt()}): a step blocked in {@code Thread.sleep}, a {@code BlockingQueue.take},
   * a latch or interruptible I/O ends at once, and whatever it then returns or throws is not
   * recorded; the workflow ends {@code CANCELLED}. Off by default, as in DBOS, whose cancel lets
   * the running step finish. Workflows running in other processes are interrupted if those
   * processes were built with {@link DBOS.Builder#interruptStepsCancelledElsewhere(boolean)}.
   */
  public boolean interruptRunningStep() {
    return interruptRunningStep;
  }

  /** Options with {@link #interruptRunningStep()} set. */
  public CancelOptions interruptRunningStep(boolean interrupt) {
    return new CancelOptions(cancelChildren, interrupt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CancelOptions other
        && cancelChildren == other.cancelChildren
        && interruptRunningStep == other.interruptRunningStep;
  }

  @Override
  public int hashCode() {
    return Objects.hash(cancelChildren, interruptRunningStep);
  }

  @Override
  public String toString() {
    return "CancelOptions[cancelChildren=" + cancelChildren + ", interruptRunningStep=" + interruptRunningStep + "]";
  }
}
