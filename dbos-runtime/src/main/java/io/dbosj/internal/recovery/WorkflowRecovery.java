package io.dbosj.internal.recovery;

import io.dbosj.internal.db.RunnableScope;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.StepRecord;
import io.dbosj.internal.db.StepStore;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import io.dbosj.internal.lifecycle.ShutdownFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts {@code PENDING} workflows: at launch every one owned by this executor, and on request
 * those of executors known to be gone. Queued ones go back on their queues; the others restart
 * here through the recovery target. A workflow that has used up its recovery attempts is given up
 * on with {@code MAX_RECOVERY_ATTEMPTS_EXCEEDED}.
 */
public final class WorkflowRecovery {
  private static final Logger log = LoggerFactory.getLogger(WorkflowRecovery.class);

  /** Recovered workflows started at once on platform threads before the rest are paced. */
  static final int PLATFORM_THREAD_BURST = 256;

  /** The longest a recovered workflow waits for an earlier one to finish before it starts anyway. */
  static final long ADMISSION_WAIT_MILLIS = 2;

  private final WorkflowStore workflows;
  private final StepStore steps;
  private final String executorId;
  private final RunnableScope scope;
  private final RecoveryTarget target;
  private final boolean pacedStarts;
  private final ShutdownFlag shutdown;

  /**
   * {@code scope}: the workflows this process's code can run; the others are left as they are.
   * {@code pacedStarts}: whether each restarted workflow needs a platform thread of its own, so
   * that starting thousands at once costs more than running them.
   */
  public WorkflowRecovery(
      WorkflowStore workflows,
      StepStore steps,
      String executorId,
      RunnableScope scope,
      RecoveryTarget target,
      boolean pacedStarts,
      ShutdownFlag shutdown) {
    this.workflows = workflows;
    this.steps = steps;
    this.executorId = executorId;
    this.scope = scope;
    this.target = target;
    this.pacedStarts = pacedStarts;
    this.shutdown = shutdown;
  }

  /**
   * Recovers every {@code PENDING} workflow of this executor, with its steps read in one query;
   * returns the IDs of those requeued or started.
   *
   * @throws RuntimeException if recovery could not finish (the database failed, or {@code
   *     close()} stopped it); the workflows not recovered stay {@code PENDING}
   */
  public List<String> recoverPending() {
    try {
      logStranded(workflows.strandedOf(executorId, scope));
      List<StatusRow> rows = workflows.pendingOf(executorId, scope);
      if (rows.isEmpty()) {
        return List.of();
      }
      List<String> recovered = recover(rows, steps.allOfPending(executorId));
      if (!recovered.isEmpty()) {
        log.info("recovering {} pending workflow(s)", recovered.size());
      }
      return List.copyOf(recovered);
    } catch (DbosShutdownException e) {
      log.debug("recovery stopped by close()");
      throw e;
    } catch (RuntimeException e) {
      if (shutdown.isSet()) {
        // close() interrupted it mid-query (on a virtual thread that closes the socket)
        log.debug("recovery stopped by close(): {}", e.toString());
      } else if (io.dbosj.SystemDatabaseUnreachableException.isCauseOf(e)) {
        log.debug("recovery waits for the system database: {}", e.toString()); // logged once, as an outage
      } else {
        log.error("recovery of pending workflows failed; they stay PENDING", e);
      }
      throw e;
    }
  }

  /**
   * Says which of this executor's {@code PENDING} workflows were recorded by code this process
   * does not have: they are left {@code PENDING}, for a process that runs it, or to be moved.
   */
  private void logStranded(List<StatusRow> stranded) {
    if (stranded.isEmpty()) {
      return;
    }
    StringBuilder sample = new StringBuilder();
    for (StatusRow row : stranded.subList(0, Math.min(5, stranded.size()))) {
      sample.append(sample.length() == 0 ? "" : ", ").append(row.workflowId()).append(" (").append(row.name())
          .append(", version ").append(row.appVersion()).append(')');
    }
    log.warn(
        "{} pending workflow(s) of executor {} were recorded by another application version, with code this"
            + " build does not run; they stay PENDING for a process that runs it: {}{}. `dbos workflow list --status PENDING` shows why each waits;"
            + " `dbos workflow fork <id> --application-version {}` moves one onto this build.",
        stranded.size(), executorId, sample, stranded.size() > 5 ? ", ..." : "", scope.appVersion());
  }

  /**
   * Takes over the {@code PENDING} workflows of other executors (processes known to be gone) and
   * recovers them here; returns their IDs.
   */
  public List<String> recoverExecutors(List<String> executorIds) {
    List<StatusRow> taken = new ArrayList<>();
    for (String other : executorIds) {
      for (StatusRow row : workflows.pendingOf(other, scope)) {
        if (other.equals(executorId) || workflows.reassign(row.workflowId(), other, executorId)) {
          taken.add(row);
        }
      }
    }
    return recover(taken, null);
  }

  /**
   * Recovers workflows this executor just claimed from a lapsed one (already reassigned to it):
   * queued ones go back on their queues, the others restart here. Returns their IDs.
   */
  public List<String> recoverClaimed(List<String> workflowIds) {
    List<StatusRow> rows = new ArrayList<>();
    for (String id : workflowIds) {
      workflows.find(id)
          .filter(row -> row.state() == io.dbosj.WorkflowState.PENDING && executorId.equals(row.executorId()))
          .ifPresent(rows::add);
    }
    return recover(rows, null);
  }

  /**
   * Recovers these {@code PENDING} workflows of this executor: queued ones go back on their
   * queues, the others start here with their recorded steps ({@code recordedSteps} by workflow
   * ID, or {@code null} to read each workflow's). The bookkeeping writes of all of them share
   * one commit. Returns the IDs of those requeued or started.
   *
   * @throws IllegalStateException if {@code close()} stopped it before it started them all
   */
  List<String> recover(List<StatusRow> rows, Map<String, Map<Integer, StepRecord>> recordedSteps) {
    List<String> queued = new ArrayList<>();
    List<StatusRow> runnable = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (StatusRow row : rows) {
      if (target.isRunning(row.workflowId())) {
        continue;
      }
      if (row.queueName() != null) {
        queued.add(row.workflowId()); // back on its queue, so it restarts within the queue's limits
      } else if (mayRestart(row, now)) {
        runnable.add(row);
      }
    }
    if (shutdown.isSet()) {
      // a workflow running here that close() just stopped is no longer running, yet not this
      // recovery's to count an attempt of: it is left as it is, for the next launch
      throw new DbosShutdownException();
    }
    List<String> recovered = new ArrayList<>();
    int[] requeued = workflows.requeue(queued, now);
    for (int i = 0; i < requeued.length; i++) {
      if (requeued[i] == 1) {
        recovered.add(queued.get(i));
      }
    }
    if (!recovered.isEmpty()) {
      target.wakeQueues();
    }
    int[] counted = workflows.countRecoveryAttempts(runnable.stream().map(StatusRow::workflowId).toList(), now);
    Semaphore admission = pacedStarts ? new Semaphore(PLATFORM_THREAD_BURST) : null;
    int i = 0;
    for (; i < counted.length && !shutdown.isSet(); i++) {
      if (counted[i] == 1) {
        StatusRow row = runnable.get(i);
        Map<Integer, StepRecord> rowSteps =
            recordedSteps == null ? null : recordedSteps.getOrDefault(row.workflowId(), Map.of());
        boolean admitted = admission != null && admit(admission);
        CompletionStage<?> execution = target.restart(row, rowSteps);
        if (admitted) {
          if (execution == null) {
            admission.release();
          } else {
            execution.whenComplete((outcome, error) -> admission.release());
          }
        }
        if (execution != null) {
          recovered.add(row.workflowId());
        }
      }
    }
    if (i < counted.length) {
      throw new IllegalStateException(
          "close() stopped recovery after " + recovered.size() + " workflow(s); the others stay PENDING");
    }
    return recovered;
  }

  /**
   * Whether a workflow may be restarted: its code is registered here, and it has recovery
   * attempts left (otherwise it is given up on).
   */
  private boolean mayRestart(StatusRow row, long now) {
    Integer max = target.maxRecoveryAttempts(row);
    if (max == null) {
      return false;
    }
    if (row.recoveryAttempts() > max) {
      workflows.markRecoveryExceeded(row.workflowId(), now);
      log.error(
          "workflow {} ({}) was started {} times without finishing; giving up on it with status"
              + " MAX_RECOVERY_ATTEMPTS_EXCEEDED",
          row.workflowId(),
          row.name(),
          row.recoveryAttempts());
      return false;
    }
    return true;
  }

  /**
   * Paces the start of recovered workflows on platform threads (Java 17 to 20): up to {@link
   * #PLATFORM_THREAD_BURST} start at once, and each further one waits for one of those to
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
}
