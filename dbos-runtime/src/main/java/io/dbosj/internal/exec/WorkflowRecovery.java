package io.dbosj.internal.exec;

import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.db.StatusRow;
import java.util.HashSet;
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
  private final Set<String> reportedMissing = new HashSet<>();

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
        if (recover(row)) {
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

  private boolean recover(StatusRow row) {
    if (engine.running().get(row.workflowId()) != null) {
      return false;
    }
    RegisteredInstance<?> instance = engine.registry().find(row.className(), row.instanceName());
    DurableClass.Entry<?> entry = instance == null ? null : instance.entry(row.name());
    if (entry == null) {
      String what = row.className() + "." + row.name() + " (instance '" + row.instanceName() + "')";
      if (reportedMissing.add(what)) {
        log.warn(
            "cannot recover workflow {}: no registered durable object provides {}; leaving it"
                + " PENDING for a process that has that code",
            row.workflowId(),
            what);
      }
      return false;
    }
    int maxAttempts = entry.method().maxRecoveryAttempts();
    if (row.recoveryAttempts() > maxAttempts) {
      engine.workflowStore().markRecoveryExceeded(row.workflowId(), System.currentTimeMillis());
      log.error(
          "workflow {} ({}) was started {} times without finishing; giving up on it with status"
              + " MAX_RECOVERY_ATTEMPTS_EXCEEDED",
          row.workflowId(),
          row.name(),
          row.recoveryAttempts());
      return false;
    }
    Object[] args;
    try {
      args = engine.codec().decodeArguments(entry.method(), row.inputs());
    } catch (RuntimeException e) {
      log.error(
          "cannot recover workflow {}: its recorded inputs do not fit {}; leaving it PENDING",
          row.workflowId(),
          entry.method(),
          e);
      return false;
    }
    DurableCall<?> call = capture(instance, entry, args);
    if (!engine.workflowStore().countRecoveryAttempt(row.workflowId(), System.currentTimeMillis())) {
      return false;
    }
    engine.resumeInBackground(call, row.workflowId());
    return true;
  }

  @SuppressWarnings("unchecked")
  private static <T> DurableCall<?> capture(
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
