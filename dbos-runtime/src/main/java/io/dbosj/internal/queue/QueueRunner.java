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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's dequeuer: one thread that claims what each queue it serves allows and starts it.
 * It runs again at once after claiming as many as one dequeue may, when woken (a workflow of a
 * queue ending here looks at that queue, as does a local enqueue on it unless its workflows
 * running here already fill its concurrency; a PostgreSQL notification from another process, or
 * a change of queues, looks at every queue), when a rate limit's window has room again, when a
 * {@code DELAYED} workflow it knows of is due, and otherwise when a queue's idle wait ends: 50 ms
 * after it claimed (another process may make room), growing to 1 s while it has nothing to claim.
 * So a queue whose slots are all taken is not looked at again until one of them frees, and the
 * queues that have work are not slowed by those that have none. Each pass first moves its
 * queues' due {@code DELAYED} workflows onto them, looking for the next one due at most every
 * second (a local delayed enqueue tells it at once). Stopping leaves unclaimed workflows {@code
 * ENQUEUED} (or {@code DELAYED}).
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
  /** The queues work was enqueued on here since the last pass. */
  private final Set<String> enqueuedOn = ConcurrentHashMap.newKeySet();
  /**
   * How many of each queue's workflows this runner started that have not ended: a queue whose
   * concurrency they fill has no room for work enqueued on it until one ends, so an enqueue does
   * not make it look.
   */
  private final Map<String, AtomicInteger> startedHere = new ConcurrentHashMap<>();
  /** When each queue looked at is next looked at unless woken for it, by name; the runner thread's own. */
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

  /** When a queue is next looked at unless woken for it, and how long it waits till then. */
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

  /** Makes the runner look at {@code queueName} now if it may have room: work was enqueued on it. */
  public void enqueuedOn(String queueName) {
    enqueuedOn.add(queueName);
    wakeUps.release();
  }

  /** Makes the runner look at {@code queueName} now: a workflow of it ended here. */
  private void slotFreed(String queueName) {
    slotsFreed.add(queueName);
    wakeUps.release();
  }

  /** Whether this runner's own workflows of {@code queue} fill its concurrency or worker concurrency. */
  private boolean fullHere(QueueLimits queue) {
    AtomicInteger started = startedHere.get(queue.name());
    int running = started == null ? 0 : started.get();
    return (queue.concurrency() != null && running >= queue.concurrency())
        || (queue.workerConcurrency() != null && running >= queue.workerConcurrency());
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
    AtomicInteger started = startedHere.computeIfAbsent(queue.name(), name -> new AtomicInteger());
    for (StatusRow row : dequeued.rows()) {
      started.incrementAndGet();
      try {
        reserved.remove(row.workflowId())
            .start(row, dequeued.steps().getOrDefault(row.workflowId(), Map.of()), () -> {
              started.decrementAndGet();
              slotFreed(queue.name());
            });
      } catch (RuntimeException | Error e) {
        started.decrementAndGet();
        throw e;
      }
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
      boolean mayHaveMore = false;
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
          // a wake-up while this runner's own workflows fill the queue is one whose room it already took
          boolean woken = (slotsFreed.remove(queue.name()) | enqueuedOn.remove(queue.name())) && !fullHere(queue);
          if (!woken && idle != null && now < idle.nextLookAt()) {
            nextLookAt = Math.min(nextLookAt, idle.nextLookAt());
            continue;
          }
          QueueStore.Claimed dequeued = dequeue(queue);
          if (dequeued.rows().size() >= QueueStore.MAX_CLAIM) {
            mayHaveMore = true;
            idleQueues.remove(queue.name());
            continue;
          }
          // it claimed what there was room for: the next look waits for a wake-up (one of its
          // workflows ending here, an enqueue) or, for room made elsewhere, its idle wait
          IdleQueue next = idle == null || !dequeued.rows().isEmpty()
              ? new IdleQueue(MIN_IDLE_MS, now + MIN_IDLE_MS)
              : idle.next(now);
          if (dequeued.rateReopensAt() > 0 && dequeued.rateReopensAt() < next.nextLookAt()) {
            next = new IdleQueue(next.waitMillis(), dequeued.rateReopensAt()); // its window reopens first
          }
          idleQueues.put(queue.name(), next);
          nextLookAt = Math.min(nextLookAt, next.nextLookAt());
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
      if (mayHaveMore) {
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
