package io.dbosj.internal.recovery;

import io.dbosj.internal.db.ExecutorStore;
import io.dbosj.internal.lifecycle.Service;
import io.dbosj.internal.lifecycle.ServiceThread;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews this executor's heartbeat in {@code dbosj_executors} every interval, so that other
 * processes know it lives; stopping marks the executor stopped.
 */
public final class ExecutorHeartbeat implements Service {
  private static final Logger log = LoggerFactory.getLogger(ExecutorHeartbeat.class);

  private final ExecutorStore store;
  private final ExecutorStore.Holder holder;
  private final ServiceThread thread;
  private boolean failing;
  private boolean lost;

  public ExecutorHeartbeat(ExecutorStore store, ExecutorStore.Holder holder, Duration interval) {
    this.store = store;
    this.holder = holder;
    this.thread = ServiceThread.every("dbos-heartbeat-" + holder.executorId(), interval, this::beat);
  }

  @Override
  public String name() {
    return "executor heartbeat";
  }

  @Override
  public void start() {
    thread.start();
  }

  private void beat() {
    try {
      boolean renewed = store.heartbeat(holder.executorId(), holder.instanceId(), System.currentTimeMillis());
      if (failing) {
        log.info("executor heartbeat renewed again");
        failing = false;
      }
      if (!renewed && !lost) {
        lost = true;
        log.error(
            "executor {} no longer holds its row in dbosj_executors: its heartbeat lapsed past the lease, and"
                + " another process took over its ID or its pending workflows. Restart this process",
            holder.executorId());
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        log.warn("cannot renew executor {}'s heartbeat: {}", holder.executorId(), e.toString());
      }
    }
  }

  /** Stops the beat and marks the executor stopped (its PENDING workflows stay its own to recover). */
  @Override
  public boolean stop(Duration timeout) throws InterruptedException {
    boolean ended = thread.stop(timeout);
    try {
      store.stop(holder.executorId(), holder.instanceId(), System.currentTimeMillis());
    } catch (RuntimeException e) {
      log.warn("cannot mark executor {} stopped: {}", holder.executorId(), e.toString());
    } finally {
      ExecutorRegistration.ended(holder.instanceId());
    }
    return ended;
  }
}
