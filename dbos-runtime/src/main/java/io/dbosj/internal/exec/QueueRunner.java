package io.dbosj.internal.exec;

import io.dbosj.Queue;
import io.dbosj.internal.db.QueueStore;
import io.dbosj.internal.db.StatusRow;
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
final class QueueRunner {
  private static final Logger log = LoggerFactory.getLogger(QueueRunner.class);
  private static final long MIN_IDLE_MS = 50;
  private static final long MAX_IDLE_MS = 1_000;

  private final WorkflowEngine engine;
  private final QueueStore store;
  private final List<Queue> queues;
  private final String executorId;
  private final String appVersion;
  private final Semaphore wakeUps = new Semaphore(0);
  private final Thread thread;
  private volatile boolean stopped;

  QueueRunner(WorkflowEngine engine, QueueStore store, List<Queue> queues, String executorId, String appVersion) {
    this.engine = engine;
    this.store = store;
    this.queues = List.copyOf(queues);
    this.executorId = executorId;
    this.appVersion = appVersion;
    this.thread = new Thread(this::run, "dbos-queue-runner");
    this.thread.setDaemon(true);
  }

  void start() {
    if (!queues.isEmpty()) {
      thread.start();
    }
  }

  /** Makes the runner look at its queues now. */
  void wake() {
    wakeUps.release();
  }

  void stop() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    long idle = MIN_IDLE_MS;
    while (!stopped) {
      boolean claimed = false;
      try {
        for (Queue queue : queues) {
          QueueStore.Claimed dequeued = store.dequeue(queue, executorId, appVersion, System.currentTimeMillis());
          for (StatusRow row : dequeued.rows()) {
            engine.startDequeued(row, dequeued.steps().getOrDefault(row.workflowId(), Map.of()));
          }
          claimed |= !dequeued.rows().isEmpty();
        }
      } catch (DbosShutdownException e) {
        return;
      } catch (RuntimeException e) {
        if (stopped) {
          return;
        }
        log.warn("dequeuing failed; trying again in {} ms", MAX_IDLE_MS, e);
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
