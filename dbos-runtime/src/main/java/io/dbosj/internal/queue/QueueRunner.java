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
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's dequeuer: one thread that claims what each queue it serves allows and starts it.
 * It runs again at once after claiming work, when woken (a local enqueue or completion, or a
 * PostgreSQL notification from another process), when a rate limit's window has room again, when
 * a {@code DELAYED} workflow it knows of is due, and otherwise after an idle wait that grows from
 * 50 ms to 1 s. Each pass first moves its queues' due {@code DELAYED} workflows onto them, looking
 * for the next one due at most every second (a local delayed enqueue tells it at once). Stopping
 * leaves unclaimed workflows {@code ENQUEUED} (or {@code DELAYED}).
 */
public final class QueueRunner implements Service {
  private static final Logger log = LoggerFactory.getLogger(QueueRunner.class);
  private static final long MIN_IDLE_MS = 50;
  private static final long MAX_IDLE_MS = 1_000;
  /** How often the runner looks for {@code DELAYED} workflows others recorded or changed. */
  private static final long DELAYED_LOOK_MS = 1_000;

  private final QueueStore store;
  private final ServedQueues queues;
  private final String executorId;
  private final RunnableScope scope;
  private final DequeuedWorkflows target;
  private final Semaphore wakeUps = new Semaphore(0);
  /** When the first {@code DELAYED} workflow known of is due (epoch ms), or {@link Long#MAX_VALUE}. */
  private final AtomicLong delayedDue = new AtomicLong(Long.MAX_VALUE);
  private long delayedLookedAt;
  private final ServiceThread thread = new ServiceThread("dbos-queue-runner", this::run);

  public QueueRunner(
      QueueStore store, ServedQueues queues, String executorId, RunnableScope scope, DequeuedWorkflows target) {
    this.store = store;
    this.queues = queues;
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
    thread.start();
  }

  /** Makes the runner look at its queues now. */
  public void wake() {
    wakeUps.release();
  }

  /** Makes the runner move a {@code DELAYED} workflow due at {@code epochMillis} onto its queue then. */
  public void wakeAt(long epochMillis) {
    delayedDue.accumulateAndGet(epochMillis, Math::min);
    wakeUps.release();
  }


  @Override
  public boolean stop(Duration timeout) throws InterruptedException {
    return thread.stop(timeout);
  }

  /**
   * Claims what {@code queue} allows and starts it; returns what it claimed. Each claimed workflow
   * is reserved as running here before its claim commits, and started after.
   */
  private QueueStore.Claimed dequeue(QueueLimits queue) {
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
    return dequeued;
  }

  /** Moves the due {@code DELAYED} workflows onto their queues, and learns when the next is due. */
  private void promoteDelayed(List<String> queueNames, long now) {
    if (now < delayedDue.get() && now - delayedLookedAt < DELAYED_LOOK_MS) {
      return;
    }
    delayedDue.set(Long.MAX_VALUE); // a wakeAt from now on lowers it again
    store.promoteDelayed(queueNames, now);
    store.nextDelayed(queueNames).ifPresent(due -> delayedDue.accumulateAndGet(due, Math::min));
    delayedLookedAt = now;
  }

  private void run() {
    long idle = MIN_IDLE_MS;
    while (!thread.stopping()) {
      boolean claimed = false;
      long rateReopensAt = Long.MAX_VALUE;
      try {
        long now = System.currentTimeMillis();
        List<QueueLimits> served = queues.current(now);
        promoteDelayed(served.stream().map(QueueLimits::name).toList(), now);
        for (QueueLimits queue : served) {
          QueueStore.Claimed dequeued = dequeue(queue);
          claimed |= !dequeued.rows().isEmpty();
          if (dequeued.rateReopensAt() > 0) {
            rateReopensAt = Math.min(rateReopensAt, dequeued.rateReopensAt());
          }
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
      long now = System.currentTimeMillis();
      long wait = Math.max(1, Math.min(idle, Math.min(rateReopensAt, delayedDue.get()) - now));
      try {
        if (wakeUps.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
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
