package io.dbosj.internal.exec;

import java.util.function.Supplier;

/**
 * The workflow running on this thread, the transaction it is in, and a call being captured on it.
 * The only static mutable state of the library: thread-local, set and restored around each
 * workflow body, transaction and capture.
 */
public final class CurrentContext {
  private static final ThreadLocal<WorkflowContext> WORKFLOW = new ThreadLocal<>();
  private static final ThreadLocal<CallCapture> CAPTURE = new ThreadLocal<>();
  private static final ThreadLocal<ActiveTransaction> TRANSACTION = new ThreadLocal<>();

  private CurrentContext() {}

  /** The workflow running on this thread, or {@code null}. */
  public static WorkflowContext workflow() {
    return WORKFLOW.get();
  }

  static WorkflowContext enter(WorkflowContext context) {
    WorkflowContext previous = WORKFLOW.get();
    WORKFLOW.set(context);
    return previous;
  }

  static void restore(WorkflowContext previous) {
    if (previous == null) {
      WORKFLOW.remove();
    } else {
      WORKFLOW.set(previous);
    }
  }

  /** The {@code @Transaction} running on this thread, or {@code null}. */
  public static ActiveTransaction transaction() {
    return TRANSACTION.get();
  }

  static ActiveTransaction enterTransaction(ActiveTransaction transaction) {
    ActiveTransaction previous = TRANSACTION.get();
    TRANSACTION.set(transaction);
    return previous;
  }

  static void restoreTransaction(ActiveTransaction previous) {
    if (previous == null) {
      TRANSACTION.remove();
    } else {
      TRANSACTION.set(previous);
    }
  }

  static CallCapture capture() {
    return CAPTURE.get();
  }

  /**
   * Runs {@code lambda} with calls captured, and returns the one durable call it made.
   *
   * @throws io.dbosj.DbosException if it made none
   */
  static DurableCall<?> captureCall(Supplier<?> lambda, String what) {
    CallCapture previous = CAPTURE.get();
    CallCapture capture = new CallCapture();
    CAPTURE.set(capture);
    try {
      lambda.get();
    } finally {
      if (previous == null) {
        CAPTURE.remove();
      } else {
        CAPTURE.set(previous);
      }
    }
    if (capture.call() == null) {
      throw new io.dbosj.DbosException(
          what
              + " must call one @Workflow or @Step method of a durable object, e.g. () ->"
              + " process(order) inside the class or () -> orders.process(order) from outside,"
              + " where orders is an OrdersDurable");
    }
    return capture.call();
  }
}
