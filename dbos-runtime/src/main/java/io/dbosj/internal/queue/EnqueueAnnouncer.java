package io.dbosj.internal.queue;

import io.dbosj.internal.db.QueueStore;
import io.dbosj.internal.lifecycle.Service;
import io.dbosj.internal.lifecycle.ServiceThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the queue runners of other processes (PostgreSQL's notifications) that work was enqueued
 * here, after each enqueue committed, in notifications of its own: a transaction that notifies
 * holds PostgreSQL's notification lock through its commit, log flush included, so enqueues that
 * notified in their own transactions committed one at a time. The first enqueue after a quiet
 * spell is told at once; those that follow share one notification per queue every {@link
 * #SPACING} (a notification is a commit of its own, and wakes every listening process). A
 * notification lost (the process ends before sending it, the database is unreachable) only delays
 * the others until they next poll.
 */
public final class EnqueueAnnouncer implements Service {
  private static final Logger log = LoggerFactory.getLogger(EnqueueAnnouncer.class);

  /** The least time between two rounds of notifications. */
  static final Duration SPACING = Duration.ofMillis(20);

  private final QueueStore store;
  private final Set<String> unannounced = ConcurrentHashMap.newKeySet();
  private final Semaphore wakeUps = new Semaphore(0);
  private final ServiceThread thread = new ServiceThread("dbos-enqueue-announcer", this::run);

  public EnqueueAnnouncer(QueueStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "enqueue announcer";
  }

  @Override
  public void start() {
    thread.start();
  }

  /** Work enqueued on {@code queueName} has committed: other processes are to hear of it. */
  public void announce(String queueName) {
    unannounced.add(queueName);
    wakeUps.release();
  }

  private void run() {
    long sentAt = System.nanoTime() - SPACING.toNanos();
    while (!thread.stopping()) {
      try {
        wakeUps.acquire();
        long wait = sentAt + SPACING.toNanos() - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait); // the enqueues of the meantime share this round
        }
      } catch (InterruptedException e) {
        return;
      }
      wakeUps.drainPermits();
      sentAt = System.nanoTime();
      List<String> queues = new ArrayList<>(unannounced);
      unannounced.removeAll(queues);
      for (String queue : queues) {
        try {
          store.notifyEnqueued(queue);
        } catch (RuntimeException e) {
          if (thread.stopping()) {
            return;
          }
          log.debug("could not tell other processes of work enqueued on {}; they find it when they next look: {}",
              queue, e.toString());
        }
      }
    }
  }

  @Override
  public boolean stop(Duration timeout) throws InterruptedException {
    return thread.stop(timeout);
  }
}
