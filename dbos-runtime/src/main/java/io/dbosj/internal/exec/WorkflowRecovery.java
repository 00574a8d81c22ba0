package io.dbosj.internal.exec;

import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.StepRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At launch, restarts every {@code PENDING} workflow owned by this executor through the generated
 * dispatch tables. A workflow whose code no registered object provides is left {@code PENDING}
 * for a process that has it; one that has used up its recovery attempts is given up on with
 * {@code MAX_RECOVERY_ATTEMPTS_EXCEEDED}.
 */
final class WorkflowRecovery {
  private static final Logger log = LoggerFactory.getLogger(WorkflowRecovery.class);

  /** Recovered workflows started at once on platform threads before the rest are paced. */
  static final int PLATFORM_THREAD_BURST = 256;

  /** The longest a recovered workflow waits for an earlier one to finish before it starts anyway. */
  static final long ADMISSION_WAIT_MILLIS = 2;

  private final WorkflowEngine engine;
  private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

  WorkflowRecovery(WorkflowEngine engine) {
    this.engine = engine;
  }

  void recoverPending() {
    try {
      String executorId = engine.config().executorId();
      List<StatusRow> rows = engine.workflowStore().pendingOf(executorId);
      if (rows.isEmpty()) {
        return;
      }
      List<String> recovered = recover(rows, engine.stepStore().allOfPending(executorId));
      if (!recovered.isEmpty()) {
        log.info("recovering {} pending workflow(s)", recovered.size());
      }
    } catch (DbosShutdownException e) {
      log.debug("recovery stopped by close()");
    } catch (RuntimeException e) {
      if (engine.isClosed()) {
        // close() interrupted it mid-query (on a virtual thread that closes the socket)
        log.debug("recovery stopped by close(): {}", e.toString());
      } else {
        log.error("recovery of pending workflows failed; they stay PENDING", e);
      }
    }
  }

  /**
   * Recovers these {@code PENDING} workflows of this executor: queued ones go back on their
   * queues, the others start here with their recorded steps ({@code recordedSteps} by workflow
   * ID, or {@code null} to read each workflow's). The bookkeeping writes of all of them share
   * one commit. Returns the IDs of those requeued or started.
   */
  List<String> recover(List<StatusRow> rows, Map<String, Map<Integer, StepRecord>> recordedSteps) {
    List<String> queued = new ArrayList<>();
    List<StatusRow> runnable = new ArrayList<>();
    List<DurableCall<?>> calls = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (StatusRow row : rows) {
      if (engine.running().get(row.workflowId()) != null) {
        continue;
      }
      if (row.queueName() != null) {
        queued.add(row.workflowId()); // back on its queue, so it restarts within the queue's limits
        continue;
      }
      DurableCall<?> call = runnableCall(row, now);
      if (call != null) {
        runnable.add(row);
        calls.add(call);
      }
    }
    List<String> recovered = new ArrayList<>();
    int[] requeued = engine.workflowStore().requeue(queued, now);
    for (int i = 0; i < requeued.length; i++) {
      if (requeued[i] == 1) {
        recovered.add(queued.get(i));
      }
    }
    if (!recovered.isEmpty()) {
      engine.wakeQueues();
    }
    int[] counted =
        engine.workflowStore().countRecoveryAttempts(runnable.stream().map(StatusRow::workflowId).toList(), now);
    Semaphore admission = WorkflowThreads.virtual() ? null : new Semaphore(PLATFORM_THREAD_BURST);
    for (int i = 0; i < counted.length && !engine.isClosed(); i++) {
      if (counted[i] == 1) {
        StatusRow row = runnable.get(i);
        Map<Integer, StepRecord> steps =
            recordedSteps == null ? null : recordedSteps.getOrDefault(row.workflowId(), Map.of());
        boolean admitted = admission != null && admit(admission);
        engine.resumeInBackground(calls.get(i), row.workflowId(), row.deadline(), null, steps);
        if (admitted) {
          releaseWhenDone(admission, row.workflowId());
        }
        recovered.add(row.workflowId());
      }
    }
    return recovered;
  }

  /**
   * Paces the start of recovered workflows on platform threads (Java 17 to 20), where each
   * needs a thread of its own and starting thousands at once costs more than running them: up to
   * {@link #PLATFORM_THREAD_BURST} start at once, and each further one waits for one of those to
   * finish, but never more than {@link #ADMISSION_WAIT_MILLIS}, so workflows that sleep or wait
   * for long only slow the others' start, never stop it. Returns whether it took a place.
   */
  private static boolean admit(Semaphore admission) {
    try {
      return admission.tryAcquire(ADMISSION_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void releaseWhenDone(Semaphore admission, String workflowId) {
    CompletableFuture<Outcome<?>> execution = engine.running().get(workflowId);
    if (execution == null) {
      admission.release();
    } else {
      execution.whenComplete((outcome, error) -> admission.release());
    }
  }

  /**
   * The call to restart a workflow with, or {@code null} if no registered object provides it, its
   * inputs do not fit, or it has used up its recovery attempts (it is then given up on).
   */
  private DurableCall<?> runnableCall(StatusRow row, long now) {
    DurableClass.Entry<?> entry = entryOf(row);
    if (entry == null) {
      return null;
    }
    if (row.recoveryAttempts() > entry.method().maxRecoveryAttempts()) {
      engine.workflowStore().markRecoveryExceeded(row.workflowId(), now);
      log.error(
          "workflow {} ({}) was started {} times without finishing; giving up on it with status"
              + " MAX_RECOVERY_ATTEMPTS_EXCEEDED",
          row.workflowId(),
          row.name(),
          row.recoveryAttempts());
      return null;
    }
    return callOf(row);
  }

  /**
   * The call a workflow row records, made through the generated dispatch table; {@code null},
   * logged once, if no registered object provides it or its inputs do not fit.
   */
  DurableCall<?> callOf(StatusRow row) {
    DurableClass.Entry<?> entry = entryOf(row);
    if (entry == null) {
      return null;
    }
    Object[] args;
    try {
      args = engine.codec().decodeArguments(entry.method(), row.inputs());
    } catch (RuntimeException e) {
      log.error(
          "cannot run workflow {}: its recorded inputs do not fit {}; leaving it {}",
          row.workflowId(),
          entry.method(),
          row.status(),
          e);
      return null;
    }
    return capture(engine.registry().find(row.className(), row.instanceName()), entry, args);
  }

  private DurableClass.Entry<?> entryOf(StatusRow row) {
    RegisteredInstance<?> instance = engine.registry().find(row.className(), row.instanceName());
    DurableClass.Entry<?> entry = instance == null ? null : instance.entry(row.name());
    if (entry == null) {
      String what = row.className() + "." + row.name() + " (instance '" + row.instanceName() + "')";
      if (reportedMissing.add(what)) {
        log.warn(
            "cannot run workflow {}: no registered durable object provides {}; leaving it {}"
                + " for a process that has that code",
            row.workflowId(),
            what,
            row.status());
      }
    }
    return entry;
  }

  @SuppressWarnings("unchecked")
  static <T> DurableCall<?> capture(
      RegisteredInstance<T> instance, DurableClass.Entry<?> entry, Object[] args) {
    DurableClass.Entry<T> typed = (DurableClass.Entry<T>) entry;
    return CurrentContext.captureCall(
        () -> {
          try {
            instance.dispatch(typed, args);
          } catch (Throwable t) {
            throw Sneaky.rethrow(t);
          }
          return null;
        },
        "the dispatch of " + entry.method().name());
  }
}
