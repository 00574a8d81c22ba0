package io.dbosj.internal.messaging;

import io.dbosj.internal.db.EventStore;
import io.dbosj.internal.db.MessageStore;
import io.dbosj.internal.db.StreamStore;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where readers of messages, events and streams wait, each on the key of what it waits for (a
 * channel and DBOS's payload, {@code <workflow ID>::<topic or key>}), and what wakes them: a
 * writer in this process at once, a PostgreSQL notification (see {@code ChannelListener}), or
 * the reader's own poll of the database, with a growing pause, for writers nothing tells us of.
 */
public final class WakeUps {
  private final ConcurrentMap<String, Set<Waiter>> waiting = new ConcurrentHashMap<>();
  private final long firstPauseMs;
  private final long longestPauseMs;

  /**
   * {@code notified}: whether another process's writes are notified (PostgreSQL, listened to), so
   * a poll is only the fallback for a lost notification connection; otherwise (SQLite) polls
   * start short and grow.
   */
  public WakeUps(boolean notified) {
    this.firstPauseMs = notified ? 1_000 : 5;
    this.longestPauseMs = notified ? 1_000 : 500;
  }

  /** For a {@code ChannelListener}: DBOS's channels of messages, events and streams, each waking its readers. */
  public Map<String, Consumer<String>> channelHandlers() {
    return Map.of(
        MessageStore.CHANNEL, payload -> signal(MessageStore.CHANNEL, payload),
        EventStore.CHANNEL, payload -> signal(EventStore.CHANNEL, payload),
        StreamStore.CHANNEL, payload -> signal(StreamStore.CHANNEL, payload));
  }

  /** Wakes whoever waits on {@code channel} for {@code payload}. */
  public void signal(String channel, String payload) {
    Set<Waiter> waiters = waiting.get(key(channel, payload));
    if (waiters != null) {
      for (Waiter w : waiters) {
        w.wake.release();
      }
    }
  }

  /**
   * Returns what {@code check} finds, checking again at each wake-up or poll until {@code
   * deadlineMs} (epoch milliseconds), then once more; empty if it found nothing by then. {@code
   * onPoll} runs before each check but the first (a reader checks there that it may still wait).
   *
   * @throws DbosShutdownException if the thread is interrupted: the runtime is closing
   */
  public <T> Optional<T> await(
      String channel, String payload, long deadlineMs, Supplier<Optional<T>> check, Runnable onPoll) {
    long pause = firstPauseMs;
    boolean first = true;
    while (true) {
      Waiter waiter = register(key(channel, payload));
      try {
        if (!first) {
          onPoll.run();
        }
        first = false;
        Optional<T> found = check.get(); // after registering: a write now still wakes us
        if (found.isPresent()) {
          return found;
        }
        long remaining = deadlineMs - System.currentTimeMillis();
        if (remaining <= 0) {
          return Optional.empty();
        }
        if (!waiter.wake.tryAcquire(Math.min(pause, remaining), TimeUnit.MILLISECONDS)) {
          pause = Math.min(longestPauseMs, pause * 2);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DbosShutdownException();
      } finally {
        deregister(waiter);
      }
    }
  }

  private Waiter register(String key) {
    Waiter waiter = new Waiter(key);
    waiting.compute(key, (k, set) -> {
      Set<Waiter> waiters = set != null ? set : ConcurrentHashMap.newKeySet();
      waiters.add(waiter);
      return waiters;
    });
    return waiter;
  }

  private void deregister(Waiter waiter) {
    waiting.computeIfPresent(waiter.key, (k, set) -> {
      set.remove(waiter);
      return set.isEmpty() ? null : set;
    });
  }

  private static String key(String channel, String payload) {
    return channel + '\n' + payload;
  }

  private static final class Waiter {
    final String key;
    final Semaphore wake = new Semaphore(0);

    Waiter(String key) {
      this.key = key;
    }
  }
}
