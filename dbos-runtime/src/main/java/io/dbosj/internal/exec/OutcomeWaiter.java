package io.dbosj.internal.exec;

import io.dbosj.DbosException;
import io.dbosj.SystemDatabaseUnreachableException;
import io.dbosj.WorkflowCancelledException;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import io.dbosj.internal.lifecycle.ShutdownFlag;
import io.dbosj.internal.serde.Outcome;
import io.dbosj.internal.serde.OutcomeCodec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a workflow's outcome: from its execution in this process when there is one,
 * otherwise read from its row once it is finished, polling with a growing pause while another
 * process or a queue runs it.
 */
public final class OutcomeWaiter {
  private static final long FIRST_PAUSE_MS = 5;
  private static final long LONGEST_PAUSE_MS = 500;

  private final RunningWorkflows running;
  private final WorkflowStore workflows;
  private final OutcomeCodec outcomes;
  private final ShutdownFlag shutdown;
  private final OutcomePoller poller;

  /** {@code running} is {@code null} where nothing executes workflows (a client). */
  public OutcomeWaiter(
      RunningWorkflows running, WorkflowStore workflows, OutcomeCodec outcomes, ShutdownFlag shutdown, OutcomePoller poller) {
    this.running = running;
    this.workflows = workflows;
    this.outcomes = outcomes;
    this.shutdown = shutdown;
    this.poller = poller;
  }

  WorkflowStore workflows() {
    return workflows;
  }

  OutcomePoller poller() {
    return poller;
  }

  /**
   * The result of {@code workflowId} to come, without a thread waiting for it: completed by the
   * poller, or by its execution here, with its value or with the exception {@link
   * LocalWorkflowHandle#getResult()} would throw.
   */
  <R> CompletableFuture<R> resultFuture(
      String workflowId, DurableMethod<R> method, CompletableFuture<Outcome<?>> execution) {
    CompletableFuture<R> result = new CompletableFuture<>();
    poller.watch(workflowId, execution).whenComplete((finished, failure) -> {
      if (failure != null) {
        result.completeExceptionally(failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
        return;
      }
      Outcome<R> outcome;
      try {
        outcome = finished.local() != null
            ? finished.local().cast()
            : method != null ? recordedOutcome(finished.row(), method) : untypedOutcome(finished.row());
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
        return;
      }
      if (outcome.error() == null) {
        result.complete(outcome.value());
      } else {
        result.completeExceptionally(LocalWorkflowHandle.thrown(workflowId, outcome.error()));
      }
    });
    return result;
  }

  /**
   * The outcome of {@code workflowId}, waiting for it. With no {@code method} (its class is not
   * registered here) a result is read as plain JSON values. {@code promised}, if not {@code
   * null}, is the outcome {@link RunningWorkflows#promise} gave the handle: taken as it is once
   * complete, and a pause between reads ends when it completes.
   */
  <R> Outcome<R> await(
      String workflowId, DurableMethod<R> method, CompletableFuture<Outcome<?>> execution,
      CompletableFuture<Outcome<?>> promised) {
    WorkflowContext waiter = CurrentContext.workflow();
    if (waiter != null && waiter.currentStep() == null) {
      // a workflow waiting on another does not leave its last step unwritten meanwhile
      waiter.checkpointer().writeUnwritten(waiter);
    }
    long pause = FIRST_PAUSE_MS;
    while (true) {
      CompletableFuture<Outcome<?>> local =
          execution != null ? execution : running == null ? null : running.get(workflowId);
      execution = null;
      if (local != null) {
        Outcome<R> outcome = local.join().cast();
        boolean unfinishedHere =
            outcome.error() instanceof ExecutedElsewhere
                || (outcome.error() instanceof DbosShutdownException && !shutdown.isSet())
                || SystemDatabaseUnreachableException.isCauseOf(outcome.error());
        if (!unfinishedHere) {
          return outcome;
        }
      }
      if (promised != null && promised.isDone()) {
        return promised.join().cast(); // completed only by an execution that ran it to its end here
      }
      StatusRow row = findThroughOutage(workflowId);
      if (row != null && row.state().isTerminal()) {
        return method != null ? recordedOutcome(row, method) : untypedOutcome(row);
      }
      pause(pause, promised, workflowId);
      pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
    }
  }

  /** Waits {@code millis}, or less if {@code promised} completes first. */
  private static void pause(long millis, CompletableFuture<Outcome<?>> promised, String workflowId) {
    try {
      if (promised == null) {
        Thread.sleep(millis);
      } else {
        promised.get(millis, TimeUnit.MILLISECONDS);
      }
    } catch (TimeoutException | ExecutionException e) {
      // the pause ended, or the promise completed: the loop looks again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DbosException("interrupted while waiting for workflow " + workflowId, e);
    }
  }

  /**
   * The workflow's row, or {@code null} while the database stays unreachable: an outage is not
   * the workflow's failure, so a handle waits through it.
   */
  private StatusRow findThroughOutage(String workflowId) {
    try {
      return workflows.find(workflowId)
          .orElseThrow(() -> new DbosException("no workflow with ID '" + workflowId + "' is recorded"));
    } catch (SystemDatabaseUnreachableException e) {
      shutdown.throwIfSet();
      return null;
    }
  }

  /** The outcome recorded in a finished workflow's row, read back as its declared type. */
  <R> Outcome<R> recordedOutcome(StatusRow row, DurableMethod<R> method) {
    return switch (row.state()) {
      case SUCCESS -> outcomes.decode(row.workflowId(), method, row.serialization(), row.output(), null);
      case ERROR -> outcomes.decode(row.workflowId(), method, row.serialization(), null, row.error());
      case CANCELLED -> Outcome.failure(new WorkflowCancelledException(row.workflowId()));
      default -> Outcome.failure(endedWith(row));
    };
  }

  private <R> Outcome<R> untypedOutcome(StatusRow row) {
    return switch (row.state()) {
      case SUCCESS -> outcomes.decodeUntyped(row.workflowId(), row.serialization(), row.output(), null).cast();
      case ERROR -> outcomes.decodeUntyped(row.workflowId(), row.serialization(), null, row.error()).cast();
      case CANCELLED -> Outcome.failure(new WorkflowCancelledException(row.workflowId()));
      default -> Outcome.failure(endedWith(row));
    };
  }

  private static DbosException endedWith(StatusRow row) {
    return new DbosException("workflow " + row.workflowId() + " ended with status " + row.status());
  }
}
