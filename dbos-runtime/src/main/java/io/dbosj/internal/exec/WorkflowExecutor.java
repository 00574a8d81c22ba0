package io.dbosj.internal.exec;

import io.dbosj.WorkflowCancelledException;
import io.dbosj.WorkflowHandle;
import io.dbosj.internal.db.StepRecord;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import io.dbosj.internal.lifecycle.Service;
import io.dbosj.internal.lifecycle.ShutdownFlag;
import io.dbosj.internal.serde.JsonCodec;
import io.dbosj.internal.serde.Outcome;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where workflows execute: on the caller's thread, or on a background thread this executor owns.
 * Whoever claims a workflow ID in {@link RunningWorkflows} first executes it; a second caller,
 * recovery or queue runner attaches to that execution. Stopping interrupts what runs, which
 * stays {@code PENDING} for recovery, then stops the timer of step timeouts it owns.
 */
public final class WorkflowExecutor implements Service {
  private static final Logger log = LoggerFactory.getLogger(WorkflowExecutor.class);

  private final Admission admission;
  private final WorkflowExecution execution;
  private final OutcomeWaiter waiter;
  private final RunningWorkflows running;
  private final JsonCodec json;
  private final ExecutorService threads;
  private final StepTimeouts stepTimeouts;
  private final ShutdownFlag shutdown;

  WorkflowExecutor(
      Admission admission,
      WorkflowExecution execution,
      OutcomeWaiter waiter,
      RunningWorkflows running,
      JsonCodec json,
      ExecutorService threads,
      StepTimeouts stepTimeouts,
      ShutdownFlag shutdown) {
    this.admission = admission;
    this.execution = execution;
    this.waiter = waiter;
    this.running = running;
    this.json = json;
    this.threads = threads;
    this.stepTimeouts = stepTimeouts;
    this.shutdown = shutdown;
  }

  @Override
  public String name() {
    return "workflow executor";
  }

  /** Runs {@code task} (recovery, say) on a thread of this executor. */
  public void execute(Runnable task) {
    threads.execute(task);
  }

  /**
   * Runs a workflow on this thread, or attaches to its execution already under way here; a child
   * ({@code parentId} set) ends by {@code parentDeadline} at the latest.
   */
  <R> R run(DurableCall<R> call, String workflowId, String parentId, Long parentDeadline, Duration timeout) {
    String inputs = json.encodeArguments(call.instance().className(), call.method(), call.args());
    CompletableFuture<Outcome<?>> mine = new CompletableFuture<>();
    CompletableFuture<Outcome<?>> theirs = running.claim(workflowId, mine);
    if (theirs != null) {
      return waiter.await(workflowId, call.method(), theirs, null).get();
    }
    Outcome<R> outcome = Outcome.failure(new ExecutedElsewhere());
    try {
      Admission.Admitted admitted = admission.admit(call, workflowId, parentId, parentDeadline, inputs, timeout);
      if (admitted.elsewhere()) {
        running.finish(workflowId, mine, outcome);
        return waiter.await(workflowId, call.method(), null, null).get();
      }
      outcome =
          admitted.finished() != null
              ? waiter.recordedOutcome(admitted.finished(), call.method())
              : execution.execute(call, workflowId, admitted.recorded(), admitted.deadline());
    } catch (ExecutedElsewhere e) {
      // another execution recorded a step first: its outcome is this call's
    } catch (RuntimeException | Error e) {
      outcome = Outcome.failure(e);
      throw e;
    } finally {
      running.finish(workflowId, mine, outcome);
    }
    if (outcome.error() instanceof ExecutedElsewhere) {
      return waiter.await(workflowId, call.method(), null, null).get();
    }
    return outcome.get();
  }

  /**
   * Starts a workflow on a background thread once its row is durable; returns its handle. A child
   * ({@code parentId} set) ends by {@code parentDeadline} at the latest.
   */
  public <R> WorkflowHandle<R> start(
      DurableCall<R> call, String workflowId, String parentId, Long parentDeadline, Duration timeout) {
    String inputs = json.encodeArguments(call.instance().className(), call.method(), call.args());
    CompletableFuture<Outcome<?>> mine = new CompletableFuture<>();
    CompletableFuture<Outcome<?>> theirs = running.claim(workflowId, mine);
    if (theirs != null) {
      return handle(workflowId, call, theirs);
    }
    Admission.Admitted admitted;
    try {
      admitted = admission.admit(call, workflowId, parentId, parentDeadline, inputs, timeout);
    } catch (RuntimeException | Error e) {
      running.finish(workflowId, mine, Outcome.failure(e));
      throw e;
    }
    if (admitted.elsewhere()) {
      running.finish(workflowId, mine, Outcome.failure(new ExecutedElsewhere()));
      return handle(workflowId, call, null);
    }
    if (admitted.finished() != null) {
      running.finish(workflowId, mine, waiter.recordedOutcome(admitted.finished(), call.method()));
      return handle(workflowId, call, mine);
    }
    submit(call, workflowId, admitted.recorded(), admitted.deadline(), mine, null, false);
    return handle(workflowId, call, mine);
  }

  /**
   * Starts a workflow in the background only if this call records it: an ID already recorded,
   * by any process, is left alone. How scheduled ticks start, so a tick runs once however many
   * processes, with whatever executor IDs, share the database. Returns whether it started.
   */
  public <R> boolean startNew(DurableCall<R> call, String workflowId) {
    String inputs = json.encodeArguments(call.instance().className(), call.method(), call.args());
    CompletableFuture<Outcome<?>> mine = new CompletableFuture<>();
    if (running.claim(workflowId, mine) != null) {
      return false;
    }
    Admission.Admitted admitted;
    try {
      admitted = admission.admitNew(call, workflowId, inputs);
    } catch (RuntimeException | Error e) {
      running.finish(workflowId, mine, Outcome.failure(e));
      throw e;
    }
    if (admitted == null) {
      running.finish(workflowId, mine, Outcome.failure(new ExecutedElsewhere()));
      return false;
    }
    submit(call, workflowId, admitted.recorded(), admitted.deadline(), mine, null, true);
    return true;
  }

  /**
   * Executes a recorded {@code PENDING} workflow in the background (recovery, or a workflow a
   * queue runner claimed), then runs {@code onFinish} if given. Returns the execution's outcome
   * to come, this one's or the one already under way here.
   */
  public CompletableFuture<Outcome<?>> resume(
      DurableCall<?> call, String workflowId, Long deadline, Runnable onFinish, Map<Integer, StepRecord> recordedSteps) {
    CompletableFuture<Outcome<?>> mine = new CompletableFuture<>();
    CompletableFuture<Outcome<?>> theirs = running.claim(workflowId, mine);
    if (theirs != null) {
      if (onFinish != null) {
        // claimed by a queue while an earlier execution (say, a cancelled one) unwinds: run it
        // once that one is done
        theirs.whenComplete((outcome, error) -> resume(call, workflowId, deadline, onFinish, null));
      }
      return theirs;
    }
    Map<Integer, StepRecord> recorded;
    try {
      recorded = recordedSteps != null ? recordedSteps : admission.recordedSteps(workflowId);
    } catch (RuntimeException | Error e) {
      running.finish(workflowId, mine, Outcome.failure(e));
      throw e;
    }
    submit(call, workflowId, recorded, deadline, mine, onFinish, true);
    return mine;
  }

  /**
   * Takes {@code workflowId} as executing here ahead of its start: a queue runner does so for each
   * workflow it claims, before the claim commits, so that no one in this process (a recovery, say)
   * ever sees the row {@code PENDING} for this executor and nothing running it. Then {@link
   * #resume(Reservation, DurableCall, Long, Runnable, Map)} starts it, or {@link
   * #release(Reservation)} gives it up.
   */
  public Reservation reserve(String workflowId) {
    CompletableFuture<Outcome<?>> mine = new CompletableFuture<>();
    CompletableFuture<Outcome<?>> theirs = running.claim(workflowId, mine);
    return new Reservation(workflowId, theirs == null ? mine : null, theirs);
  }

  /**
   * A workflow ID taken in {@link RunningWorkflows} by {@link #reserve}: this execution's place, or
   * the execution already under way here (a cancelled one unwinding, say) to follow.
   */
  public static final class Reservation {
    private final String workflowId;
    private final CompletableFuture<Outcome<?>> mine;
    private final CompletableFuture<Outcome<?>> theirs;

    private Reservation(
        String workflowId, CompletableFuture<Outcome<?>> mine, CompletableFuture<Outcome<?>> theirs) {
      this.workflowId = workflowId;
      this.mine = mine;
      this.theirs = theirs;
    }

    public String workflowId() {
      return workflowId;
    }
  }

  /**
   * Executes a reserved {@code PENDING} workflow in the background, then runs {@code onFinish};
   * if another execution held the ID, once that one is done.
   */
  public void resume(
      Reservation reservation, DurableCall<?> call, Long deadline, Runnable onFinish, Map<Integer, StepRecord> recordedSteps) {
    if (reservation.mine == null) {
      reservation.theirs.whenComplete(
          (outcome, error) -> resume(call, reservation.workflowId, deadline, onFinish, null));
      return;
    }
    submit(call, reservation.workflowId, recordedSteps, deadline, reservation.mine, onFinish, true);
  }

  /**
   * Gives up a reservation that will not run (its claim did not commit, or the workflow cannot run
   * here); whoever attached to it meanwhile reads the outcome from the database instead.
   */
  public void release(Reservation reservation) {
    if (reservation.mine != null) {
      running.finish(reservation.workflowId, reservation.mine, Outcome.failure(new ExecutedElsewhere()));
    }
  }

  /** Whether {@code workflowId} is executing in this process. */
  public boolean isRunning(String workflowId) {
    return running.get(workflowId) != null;
  }

  /**
   * Executes the workflow on a background thread. {@code unattended} says that no caller started
   * this execution (recovery, a queue, a resume, a scheduled tick): if it ends {@code ERROR}, it
   * logs why once at WARN, since no one may ever ask. A caller's own execution (a call, or
   * {@code start()}, whose caller holds the handle) logs nothing: the caller gets the exception. A
   * caller that waits on an unattended execution gets the exception too, and the line is not
   * repeated.
   */
  private <R> void submit(
      DurableCall<R> call,
      String workflowId,
      Map<Integer, StepRecord> recorded,
      Long deadline,
      CompletableFuture<Outcome<?>> mine,
      Runnable onFinish,
      boolean unattended) {
    try {
      threads.execute(task(call, workflowId, recorded, deadline, mine, onFinish, unattended));
    } catch (RejectedExecutionException e) {
      running.finish(workflowId, mine, Outcome.failure(new DbosShutdownException()));
    }
  }

  /**
   * {@link #resume(Reservation, DurableCall, Long, Runnable, Map)} for a call made on the thread
   * that will run it, so the caller (the queue runner) does not wait for inputs to be decoded.
   * {@code call} returns {@code null} when the workflow is not to run here (it has said why);
   * then, or if it throws, the reservation is given up and {@code onFinish} runs.
   */
  public void resumeMade(
      Reservation reservation, Supplier<DurableCall<?>> call, Long deadline, Runnable onFinish,
      Map<Integer, StepRecord> recordedSteps) {
    Runnable start = () -> {
      DurableCall<?> made;
      try {
        made = call.get();
      } catch (RuntimeException | Error e) {
        release(reservation);
        onFinish.run();
        log.error("workflow {} could not be started; it stays PENDING", reservation.workflowId, e);
        return;
      }
      if (made == null) {
        release(reservation);
        onFinish.run();
      } else if (reservation.mine == null) {
        resume(reservation, made, deadline, onFinish, recordedSteps);
      } else {
        task(made, reservation.workflowId, recordedSteps, deadline, reservation.mine, onFinish, true).run();
      }
    };
    try {
      threads.execute(start);
    } catch (RejectedExecutionException e) {
      release(reservation);
    }
  }

  private <R> Runnable task(
      DurableCall<R> call,
      String workflowId,
      Map<Integer, StepRecord> recorded,
      Long deadline,
      CompletableFuture<Outcome<?>> mine,
      Runnable onFinish,
      boolean unattended) {
    return
        () -> {
          Outcome<?> outcome = Outcome.failure(new DbosShutdownException());
          try {
            outcome = execution.execute(call, workflowId, recorded, deadline);
            if (unattended && outcome.error() != null && !(outcome.error() instanceof WorkflowCancelledException)) {
              log.warn(
                  "workflow {} ({}.{}) ended ERROR: {}",
                  workflowId, call.instance().className(), call.method().name(), outcome.error().toString());
            }
          } catch (RuntimeException | Error e) {
            outcome = Outcome.failure(e);
            if (shutdown.isSet()) {
              log.debug("workflow {} stopped by close(); it stays PENDING: {}", workflowId, e.toString());
            } else if (io.dbosj.SystemDatabaseUnreachableException.isCauseOf(e)) {
              log.warn("workflow {} stops: the system database is unreachable; it stays PENDING and is recovered once"
                  + " the database is back", workflowId);
            } else if (!(e instanceof DbosShutdownException) && !(e instanceof ExecutedElsewhere)) {
              log.error("workflow {} could not be completed; it stays PENDING", workflowId, e);
            }
          } finally {
            running.finish(workflowId, mine, outcome);
            if (onFinish != null) {
              onFinish.run();
            }
          }
        };
  }

  <R> WorkflowHandle<R> handle(String workflowId, DurableCall<R> call, CompletableFuture<Outcome<?>> execution) {
    return new LocalWorkflowHandle<>(waiter, workflowId, call.method(), execution);
  }

  /** A handle of a workflow just enqueued, promised its outcome should it end in this process. */
  <R> WorkflowHandle<R> enqueuedHandle(String workflowId, DurableCall<R> call) {
    CompletableFuture<Outcome<?>> promised = running.promise(workflowId);
    return new LocalWorkflowHandle<>(waiter, workflowId, call.method(), running.get(workflowId), promised);
  }

  @Override
  public boolean stop(Duration timeout) throws InterruptedException {
    threads.shutdownNow();
    boolean ended = threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!ended) {
      log.warn("{} workflows still running at close; they will be recovered", running.size());
    }
    stepTimeouts.stop(timeout);
    return true; // the warning above says all there is to say
  }
}
