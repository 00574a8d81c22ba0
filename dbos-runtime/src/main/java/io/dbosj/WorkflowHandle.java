package io.dbosj;

/**
 * A started workflow: its ID, its status, and (blocking) its result.
 *
 * <pre>{@code
 * WorkflowHandle<Receipt> handle = checkout.start(StartOptions.id("order-42")).checkout(order);
 * Receipt receipt = handle.getResult();
 * }</pre>
 */
public interface WorkflowHandle<R> {
  /** The workflow's ID. */
  String workflowId();

  /**
   * Waits for the workflow to finish and returns its result. If the workflow failed, its
   * exception is rethrown: a {@link RuntimeException} or {@link Error} as it was, a checked
   * exception wrapped in a {@link WorkflowFailedException} whose cause it is.
   */
  R getResult();

  /** The workflow's current status, read from the system database. */
  WorkflowStatus getStatus();
}
