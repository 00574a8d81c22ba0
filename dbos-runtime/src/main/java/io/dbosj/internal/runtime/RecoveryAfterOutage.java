package io.dbosj.internal.runtime;

import io.dbosj.internal.exec.WorkflowExecutor;
import io.dbosj.internal.lifecycle.ShutdownFlag;
import io.dbosj.internal.recovery.WorkflowRecovery;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers this executor's {@code PENDING} workflows again once the system database is back from
 * an outage that outlasted the retry limit: the executions that gave up then left their rows
 * {@code PENDING}, and without this only the next launch would run them. Scheduled each time a
 * call gives up; the recovery it runs waits (retrying) for the database itself, and if that too
 * gives up, the give-up schedules the next attempt. Workflows still running here are skipped.
 */
final class RecoveryAfterOutage {
  private static final Logger log = LoggerFactory.getLogger(RecoveryAfterOutage.class);

  private final WorkflowRecovery recovery;
  private final WorkflowExecutor executor;
  private final ShutdownFlag shutdown;
  private final AtomicBoolean scheduled = new AtomicBoolean();

  RecoveryAfterOutage(WorkflowRecovery recovery, WorkflowExecutor executor, ShutdownFlag shutdown) {
    this.recovery = recovery;
    this.executor = executor;
    this.shutdown = shutdown;
  }

  /** Runs a recovery on a workflow thread, unless one is scheduled and not yet begun. */
  void schedule() {
    if (shutdown.isSet() || !scheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(this::recover);
    } catch (RejectedExecutionException e) {
      scheduled.set(false); // closing
    }
  }

  /**
   * One at a time: a second recovery then starts after the first has claimed what it restarted,
   * and skips those (they run here), rather than count a recovery attempt against them again.
   */
  private synchronized void recover() {
    scheduled.set(false); // a give-up from now on (this recovery's own, say) schedules another
    if (shutdown.isSet()) {
      return;
    }
    try {
      List<String> recovered = recovery.recoverPending();
      if (!recovered.isEmpty()) {
        log.info("the system database is back: recovered {} workflow(s) left PENDING by the outage", recovered.size());
      }
    } catch (RuntimeException e) {
      log.debug("recovery after the outage did not finish: {}", e.toString()); // logged where it failed
    }
  }
}
