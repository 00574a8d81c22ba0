package io.dbosj.internal.queue;

import io.dbosj.SystemDatabaseUnreachableException;
import io.dbosj.internal.db.QueueLimits;
import io.dbosj.internal.db.QueueStore;
import io.dbosj.internal.db.RunnableScope;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import io.dbosj.internal.lifecycle.Service;
import io.dbosj.internal.lifecycle.ServiceThread;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's dequeuer: one thread that claims what each registered queue's limits allow and
 * starts it. It runs again at once after claiming work, when woken (a local enqueue or completion,
 * or a PostgreSQL notification from another process), and otherwise after an idle wait that grows
 * from 50 ms to 1 s. Stopping leaves unclaimed workflows {@code ENQUEUED}.
 */
public final class QueueRunner implements Service {
  private static final Logger log = LoggerFactory.getLogger(QueueRunner.class);
  private static final long MIN_IDLE_MS = 50;
  private static final long MAX_IDLE_MS = 1_000;

  private final QueueStore store;
  private final List<QueueLimits> queues;
  private final String executorId;
  private final RunnableScope scope;
  private final DequeuedWorkflows target;
  private final Semaphore wakeUps = new Semaphore(0);
  private final ServiceThread thread = new ServiceThread("dbos-queue-runner", this::run);

  public QueueRunner(
      QueueStore store, List<QueueLimits> queues, String executorId, RunnableScope scope, DequeuedWorkflows target) {
    this.store = store;
    this.queues = List.copyOf(queues);
    this.executorId = executorId;
    this.scope = scope;
    this.target = target;
  }

  @Override
  public String name() {
    return "queue runner";
  }

  @Override
  public void start() {
    if (!queues.isEmpty()) {
      thread.start();
    }
  }

  /** Makes the runner look at its queues now. */
  public void wake() {
    wakeUps.release();
  }

  @Override
  public boolean stop(Duration timeout) throws InterruptedException {
    return thread.stop(timeout);
  }

  /**
   * Claims what {@code queue} allows and starts it; returns whether it claimed any. Each claimed
   * workflow is reserved as running here before its claim commits, and started after.
   */
  private boolean dequeue(QueueLimits queue) {
    Map<String, DequeuedWorkflows.Reserved> reserved = new LinkedHashMap<>();
    QueueStore.Claimed dequeued;
    try {
      dequeued =
          store.dequeue(
              queue, executorId, scope, System.currentTimeMillis(),
              id -> reserved.computeIfAbsent(id, target::reserve));
    } catch (RuntimeException | Error e) {
      reserved.values().forEach(DequeuedWorkflows.Reserved::release);
      throw e;
    }
    for (StatusRow row : dequeued.rows()) {
      reserved.remove(row.workflowId())
          .start(row, dequeued.steps().getOrDefault(row.workflowId(), Map.of()), this::wake);
    }
    reserved.values().forEach(DequeuedWorkflows.Reserved::release); // an attempt's that was retried
    return !dequeued.rows().isEmpty();
  }

  private void run() {
    long idle = MIN_IDLE_MS;
    while (!thread.stopping()) {
      boolean claimed = false;
      try {
        for (QueueLimits queue : queues) {
          claimed |= dequeue(queue);
        }
      } catch (DbosShutdownException e) {
        return;
      } catch (RuntimeException e) {
        if (thread.stopping()) {
          return;
        }
        if (SystemDatabaseUnreachableException.isCauseOf(e)) {
          log.debug("dequeuing waits for the system database: {}", e.toString()); // logged once, as an outage
        } else {
          log.warn("dequeuing failed; trying again in {} ms", MAX_IDLE_MS, e);
        }
        idle = MAX_IDLE_MS;
      }
      if (claimed) {
        idle = MIN_IDLE_MS;
        continue;
      }
      try {
        if (wakeUps.tryAcquire(idle, TimeUnit.MILLISECONDS)) {
          wakeUps.drainPermits();
          idle = MIN_IDLE_MS;
        } else {
          idle = Math.min(MAX_IDLE_MS, idle * 2);
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
