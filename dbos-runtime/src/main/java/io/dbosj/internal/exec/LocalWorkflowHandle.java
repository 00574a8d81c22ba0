package io.dbosj.internal.exec;

import io.dbosj.DbosException;
import io.dbosj.WorkflowFailedException;
import io.dbosj.WorkflowHandle;
import io.dbosj.WorkflowStatus;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.serde.Outcome;
import java.util.concurrent.CompletableFuture;

/**
 * A handle that waits on the execution in this process when there is one, or on the outcome
 * promised to it when the workflow was enqueued here, and otherwise polls the system database
 * until the workflow's row shows an outcome.
 */
final class LocalWorkflowHandle<R> implements WorkflowHandle<R> {
  private final OutcomeWaiter waiter;
  private final String workflowId;
  private final DurableMethod<R> method;
  private final CompletableFuture<Outcome<?>> execution;
  private final CompletableFuture<Outcome<?>> promised;

  LocalWorkflowHandle(
      OutcomeWaiter waiter, String workflowId, DurableMethod<R> method, CompletableFuture<Outcome<?>> execution) {
    this(waiter, workflowId, method, execution, null);
  }

  /** {@code promised}, if not {@code null}, is {@link RunningWorkflows#promise}'s for this workflow. */
  LocalWorkflowHandle(
      OutcomeWaiter waiter, String workflowId, DurableMethod<R> method, CompletableFuture<Outcome<?>> execution,
      CompletableFuture<Outcome<?>> promised) {
    this.waiter = waiter;
    this.workflowId = workflowId;
    this.method = method;
    this.execution = execution;
    this.promised = promised;
  }

  @Override
  public String workflowId() {
    return workflowId;
  }

  @Override
  public R getResult() {
    Outcome<R> outcome = waiter.await(workflowId, method, execution, promised);
    Throwable error = outcome.error();
    if (error == null) {
      return outcome.value();
    }
    Throwable thrown = thrown(workflowId, error);
    if (thrown instanceof Error fatal) {
      throw fatal;
    }
    throw (RuntimeException) thrown;
  }

  @Override
  public CompletableFuture<R> resultFuture() {
    return waiter.resultFuture(workflowId, method, execution);
  }

  /** The poller of the runtime or client this handle came from: what {@code waitFirst} waits with. */
  OutcomePoller poller() {
    return waiter.poller();
  }

  /**
   * What {@link #getResult()} throws for a workflow that failed with {@code error}: a {@link
   * RuntimeException} or {@link Error} as it was, a checked exception wrapped in a {@link
   * WorkflowFailedException} whose cause it is.
   */
  static Throwable thrown(String workflowId, Throwable error) {
    if (error instanceof RuntimeException || error instanceof Error) {
      return error;
    }
    return new WorkflowFailedException(workflowId, error.getClass().getName(), error.getMessage(), error);
  }

  @Override
  public WorkflowStatus getStatus() {
    return waiter.workflows()
        .find(workflowId)
        .map(StatusRow::toStatus)
        .orElseThrow(() -> new DbosException("no workflow with ID '" + workflowId + "' is recorded"));
  }

  @Override
  public String toString() {
    return "WorkflowHandle{" + workflowId + "}";
  }
}
