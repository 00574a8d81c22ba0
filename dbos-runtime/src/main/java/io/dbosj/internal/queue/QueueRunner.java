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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's dequeuer: one thread that claims what each queue it serves allows and starts it.
 * It runs again at once after claiming work, when woken (a local enqueue on a queue, or a
 * workflow of it ending here, looks at that queue; a PostgreSQL notification from another
 * process, or a change of queues, at every queue), when a rate limit's window has room again, when a {@code DELAYED}
 * workflow it knows of is due, and otherwise when a queue's idle wait ends: a queue that had
 * nothing to claim is looked at again after a wait that grows from 50 ms to 1 s, so the queues
 * that have work are not slowed by looking at those that have none. Each pass first moves its queues' due {@code DELAYED} workflows onto them, looking
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
  /** Whether a wake-up since the last pass asks it to look at every queue. */
  private final AtomicBoolean wokenForAll = new AtomicBoolean(true);
  /** The queues a workflow of which ended here since the last pass. */
  private final Set<String> slotsFreed = ConcurrentHashMap.newKeySet();
  /** The queues that had nothing to claim at their last look, by name; the runner thread's own. */
  private final Map<String, IdleQueue> idleQueues = new HashMap<>();
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

  /** When a queue that had nothing to claim is looked at next, and how long its wait was. */
  private record IdleQueue(long waitMillis, long nextLookAt) {
    IdleQueue next(long now) {
      long wait = Math.min(MAX_IDLE_MS, waitMillis * 2);
      return new IdleQueue(wait, now + wait);
    }
  }

  /** Makes the runner look at all its queues now. */
  public void wake() {
    wokenForAll.set(true);
    wakeUps.release();
  }

  /** Makes the runner look at {@code queueName} now: work was enqueued on it, or a workflow of it ended here. */
  public void wakeFor(String queueName) {
    slotsFreed.add(queueName);
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
          .start(row, dequeued.steps().getOrDefault(row.workflowId(), Map.of()), () -> wakeFor(queue.name()));
    }
    reserved.values().forEach(DequeuedWorkflows.Reserved::release); // an attempt's that was retried
    return dequeued;
  }

  /**
   * Moves the due {@code DELAYED} workflows onto their queues, and learns when the next is due;
   * returns whether it moved any.
   */
  private boolean promoteDelayed(List<String> queueNames, long now) {
    if (now < delayedDue.get() && now - delayedLookedAt < DELAYED_LOOK_MS) {
      return false;
    }
    delayedDue.set(Long.MAX_VALUE); // a wakeAt from now on lowers it again
    int promoted = store.promoteDelayed(queueNames, now);
    store.nextDelayed(queueNames).ifPresent(due -> delayedDue.accumulateAndGet(due, Math::min));
    delayedLookedAt = now;
    return promoted > 0;
  }

  private void run() {
    while (!thread.stopping()) {
      boolean claimed = false;
      long nextLookAt = Long.MAX_VALUE;
      try {
        long now = System.currentTimeMillis();
        boolean all = wokenForAll.getAndSet(false);
        List<QueueLimits> served = queues.current(now);
        if (promoteDelayed(served.stream().map(QueueLimits::name).toList(), now) || all) {
          idleQueues.clear();
        }
        for (QueueLimits queue : served) {
          IdleQueue idle = idleQueues.get(queue.name());
          if (!slotsFreed.remove(queue.name()) && idle != null && now < idle.nextLookAt()) {
            nextLookAt = Math.min(nextLookAt, idle.nextLookAt());
            continue;
          }
          QueueStore.Claimed dequeued = dequeue(queue);
          if (dequeued.rows().isEmpty()) {
            IdleQueue next = idle == null ? new IdleQueue(MIN_IDLE_MS, now + MIN_IDLE_MS) : idle.next(now);
            if (dequeued.rateReopensAt() > 0 && dequeued.rateReopensAt() < next.nextLookAt()) {
              next = new IdleQueue(next.waitMillis(), dequeued.rateReopensAt()); // its window reopens first
            }
            idleQueues.put(queue.name(), next);
            nextLookAt = Math.min(nextLookAt, next.nextLookAt());
          } else {
            claimed = true;
            idleQueues.remove(queue.name());
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
        idleQueues.clear();
        nextLookAt = System.currentTimeMillis() + MAX_IDLE_MS;
        wokenForAll.set(true); // after the wait, every queue is looked at again
      }
      if (claimed) {
        continue;
      }
      long now = System.currentTimeMillis();
      long wait = Math.max(1, Math.min(MAX_IDLE_MS, Math.min(nextLookAt, delayedDue.get()) - now));
      try {
        if (wakeUps.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
          wakeUps.drainPermits();
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
