package io.dbosj.internal.exec;

import io.dbosj.DbosException;
import io.dbosj.DeterminismException;
import io.dbosj.WorkflowHandle;
import io.dbosj.WorkflowState;
import io.dbosj.internal.codegen.TypeToken;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.StepRecord;
import io.dbosj.internal.db.StepStore;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import io.dbosj.internal.serde.JsonCodec;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code waitFirst}: the first of several workflows to finish, with any terminal status, waited
 * for on the outcome poller rather than a thread per workflow. Inside a workflow the choice is a
 * recorded operation, {@code DBOS.waitFirst}, whose output is the chosen workflow's ID (as DBOS TS
 * records it), so a re-execution gets the same handle without waiting.
 */
public final class FirstFinished {
  static final String WAIT_FIRST = "DBOS.waitFirst";
  private static final TypeToken<String> ID = TypeToken.of(String.class);
  /** How often a workflow waiting here checks that it was not cancelled meanwhile. */
  private static final long STILL_PENDING_CHECK_MS = 1000;

  private final OutcomePoller poller;
  private final Checkpointer checkpointer;
  private final StepStore steps;
  private final WorkflowStore workflows;
  private final JsonCodec json;

  FirstFinished(OutcomePoller poller, Checkpointer checkpointer, StepStore steps, WorkflowStore workflows, JsonCodec json) {
    this.poller = poller;
    this.checkpointer = checkpointer;
    this.steps = steps;
    this.workflows = workflows;
    this.json = json;
  }

  /**
   * {@code DBOS.waitFirst}: inside a workflow, the recorded choice of its runtime; elsewhere the
   * wait of the runtime (or client) the first of the handles came from.
   */
  public static <H extends WorkflowHandle<?>> H waitFirst(List<H> handles) {
    Map<String, H> byId = byId(handles);
    WorkflowContext context = CurrentContext.workflow();
    if (context != null) {
      return context.firstFinished().inWorkflow(context, byId);
    }
    for (H handle : byId.values()) {
      if (handle instanceof LocalWorkflowHandle<?> local) {
        return byId.get(first(local.poller(), byId.keySet()));
      }
    }
    return firstResult(byId);
  }

  /** {@code DBOSClient.waitFirst}: waited for on the client's poller. */
  public static <H extends WorkflowHandle<?>> H waitFirst(OutcomePoller poller, List<H> handles) {
    Map<String, H> byId = byId(handles);
    return byId.get(first(poller, byId.keySet()));
  }

  private <H> H inWorkflow(WorkflowContext c, Map<String, H> byId) {
    if (c.currentStep() != null) {
      return byId.get(first(poller, byId.keySet())); // a step may run again: its waits are not recorded
    }
    int functionId = c.beginOperation();
    StepRecord recorded = c.recorded(functionId);
    if (recorded != null) {
      return chosen(c, functionId, recorded, byId);
    }
    checkpointer.checkDeadline(c);
    long startedAt = System.currentTimeMillis();
    String id = firstInWorkflow(c, byId.keySet());
    StepRecord step =
        new StepRecord(
            c.workflowId(), functionId, WAIT_FIRST, json.encodeResult(WAIT_FIRST, ID, id), null, null,
            startedAt, System.currentTimeMillis());
    if (!steps.insert(step) && !checkpointer.isRecordedAsIs(step)) {
      throw checkpointer.yieldTo(step);
    }
    return byId.get(id);
  }

  private <H> H chosen(WorkflowContext c, int functionId, StepRecord recorded, Map<String, H> byId) {
    if (!recorded.functionName().equals(WAIT_FIRST)) {
      throw new DeterminismException(c.workflowId(), functionId, recorded.functionName(), WAIT_FIRST);
    }
    String id = json.decodeResult(ID, recorded.serialization(), recorded.output());
    H handle = byId.get(id);
    if (handle == null) {
      throw new DbosException(
          "workflow " + c.workflowId() + " recorded, as operation " + functionId + " (" + WAIT_FIRST + "), that"
              + " workflow " + id + " finished first, but it is not among the handles given now " + byId.keySet()
              + "; a re-executed workflow must wait on the same workflows");
    }
    return handle;
  }

  /**
   * The first of {@code ids} to finish, for a workflow that stops waiting when it is cancelled or
   * reaches its deadline, or when its runtime closes.
   */
  private String firstInWorkflow(WorkflowContext c, Collection<String> ids) {
    CompletableFuture<String> first = new CompletableFuture<>();
    Map<String, CompletableFuture<OutcomePoller.Finished>> watching = watch(poller, ids, first);
    try {
      while (true) {
        long wait = STILL_PENDING_CHECK_MS;
        if (c.deadline() != null) {
          wait = Math.max(1, Math.min(wait, c.deadline() - System.currentTimeMillis()));
        }
        try {
          return first.get(wait, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          checkpointer.checkDeadline(c);
          StatusRow row = workflows.find(c.workflowId()).orElse(null);
          if (row == null || row.state() != WorkflowState.PENDING) {
            throw checkpointer.stopped(c.workflowId());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DbosShutdownException();
        } catch (ExecutionException e) {
          throw new DbosShutdownException(); // only a closing runtime fails a watch
        }
      }
    } finally {
      watching.forEach(poller::release);
    }
  }

  /** The first of {@code ids} to finish, waited for on {@code poller}. */
  private static String first(OutcomePoller poller, Collection<String> ids) {
    CompletableFuture<String> first = new CompletableFuture<>();
    Map<String, CompletableFuture<OutcomePoller.Finished>> watching = watch(poller, ids, first);
    try {
      return first.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DbosException("interrupted while waiting for the first of workflows " + ids + " to finish", e);
    } catch (ExecutionException e) {
      throw unwrapped(e.getCause());
    } finally {
      watching.forEach(poller::release);
    }
  }

  /**
   * Watches each of {@code ids}; the first to finish completes {@code first} with its ID. Returns
   * the watches, to release once the wait is over.
   */
  private static Map<String, CompletableFuture<OutcomePoller.Finished>> watch(
      OutcomePoller poller, Collection<String> ids, CompletableFuture<String> first) {
    Map<String, CompletableFuture<OutcomePoller.Finished>> watching = new LinkedHashMap<>();
    for (String id : ids) {
      CompletableFuture<OutcomePoller.Finished> finished = poller.polled(id);
      watching.put(id, finished);
      finished.whenComplete(
          (done, failure) -> {
            if (failure != null) {
              first.completeExceptionally(failure);
            } else {
              first.complete(id);
            }
          });
    }
    return watching;
  }

  /** With handles of no runtime of ours, the first whose result (or failure) comes. */
  private static <H extends WorkflowHandle<?>> H firstResult(Map<String, H> byId) {
    CompletableFuture<H> first = new CompletableFuture<>();
    byId.values().forEach(h -> h.resultFuture().whenComplete((value, failure) -> first.complete(h)));
    try {
      return first.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DbosException("interrupted while waiting for the first of workflows " + byId.keySet() + " to finish", e);
    } catch (ExecutionException e) {
      throw unwrapped(e.getCause());
    }
  }

  private static RuntimeException unwrapped(Throwable failure) {
    Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
    if (cause instanceof Error fatal) {
      throw fatal;
    }
    return cause instanceof RuntimeException runtime ? runtime : new DbosException(cause.getMessage(), cause);
  }

  /**
   * The handles by workflow ID, in the order given.
   *
   * @throws IllegalArgumentException for no handles, a null one, or one ID twice
   */
  private static <H extends WorkflowHandle<?>> Map<String, H> byId(List<H> handles) {
    if (handles == null || handles.isEmpty()) {
      throw new IllegalArgumentException(
          "waitFirst needs at least one workflow handle to wait on, was given " + (handles == null ? "null" : "none"));
    }
    Map<String, H> byId = new LinkedHashMap<>();
    for (int i = 0; i < handles.size(); i++) {
      H handle = handles.get(i);
      if (handle == null) {
        throw new IllegalArgumentException("waitFirst was given a null handle, at index " + i + " of " + handles.size());
      }
      if (byId.putIfAbsent(handle.workflowId(), handle) != null) {
        throw new IllegalArgumentException(
            "waitFirst was given workflow " + handle.workflowId() + " twice; give each workflow's handle once");
      }
    }
    return byId;
  }
}
