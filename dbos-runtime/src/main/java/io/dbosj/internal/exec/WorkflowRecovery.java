package io.dbosj.internal.exec;

import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.db.StatusRow;
import java.util.concurrent.ConcurrentHashMap;
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

  private final WorkflowEngine engine;
  private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

  WorkflowRecovery(WorkflowEngine engine) {
    this.engine = engine;
  }

  void recoverPending() {
    try {
      int recovered = 0;
      for (StatusRow row : engine.workflowStore().pendingOf(engine.config().executorId())) {
        if (engine.isClosed()) {
          return;
        }
        if (recoverOne(row)) {
          recovered++;
        }
      }
      if (recovered > 0) {
        log.info("recovering {} pending workflow(s)", recovered);
      }
    } catch (DbosShutdownException e) {
      log.debug("recovery stopped by close()");
    } catch (RuntimeException e) {
      log.error("recovery of pending workflows failed; they stay PENDING", e);
    }
  }

  /** Recovers one {@code PENDING} workflow of this executor; {@code true} if it was started. */
  boolean recoverOne(StatusRow row) {
    if (engine.running().get(row.workflowId()) != null) {
      return false;
    }
    if (row.queueName() != null) {
      // Back on its queue, so it restarts within the queue's limits.
      if (engine.workflowStore().requeue(row.workflowId(), System.currentTimeMillis())) {
        engine.wakeQueues();
        return true;
      }
      return false;
    }
    DurableClass.Entry<?> entry = entryOf(row);
    if (entry == null) {
      return false;
    }
    if (row.recoveryAttempts() > entry.method().maxRecoveryAttempts()) {
      engine.workflowStore().markRecoveryExceeded(row.workflowId(), System.currentTimeMillis());
      log.error(
          "workflow {} ({}) was started {} times without finishing; giving up on it with status"
              + " MAX_RECOVERY_ATTEMPTS_EXCEEDED",
          row.workflowId(),
          row.name(),
          row.recoveryAttempts());
      return false;
    }
    DurableCall<?> call = callOf(row);
    if (call == null
        || !engine.workflowStore().countRecoveryAttempt(row.workflowId(), System.currentTimeMillis())) {
      return false;
    }
    engine.resumeInBackground(call, row.workflowId(), row.deadline(), null);
    return true;
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
