package io.dbosj;

import java.util.concurrent.CompletableFuture;

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

  /**
   * The workflow's result to come, without blocking: the future completes with the result, or
   * exceptionally with the exception {@link #getResult()} would throw. No thread waits per
   * future: one poller per {@code DBOS} (and per {@code DBOSClient}) reads the outcomes of every
   * workflow watched, many to a query, and at once when the workflow finishes in this process.
   * When the {@code DBOS} or client the handle came from closes first, the future fails with a
   * {@link DbosException} saying so.
   *
   * <pre>{@code
   * CompletableFuture<Receipt> receipt = checkout.start(StartOptions.id("order-42")).checkout(order).resultFuture();
   * receipt.thenAccept(r -> mailer.send(r));
   * }</pre>
   */
  CompletableFuture<R> resultFuture();

  /** The workflow's current status, read from the system database. */
  WorkflowStatus getStatus();
}
