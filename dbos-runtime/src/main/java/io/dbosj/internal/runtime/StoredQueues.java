package io.dbosj.internal.runtime;

import io.dbosj.SystemDatabaseUnreachableException;
import io.dbosj.internal.db.QueueLimits;
import io.dbosj.internal.db.QueueTableStore;
import io.dbosj.internal.exec.QueueRegistry;
import io.dbosj.internal.queue.ServedQueues;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this process's queues in step with {@code dbos.queues}. At launch each queue registered
 * in code is written there if new; if its row differs, a launch whose code changed the queue's
 * limits since the code last registered them (a deploy) writes the code's, and any other keeps
 * the row's (changed at run time, which a restart must not undo); either way it logs what it did.
 * Then, at most every {@link #REFRESH_MS} ms, the runner's queues are read again from the table,
 * so a change made there (the API, the CLI, DBOS's tools, another process) reaches every runner.
 */
final class StoredQueues implements ServedQueues {
  static final long REFRESH_MS = 1_000;
  private static final Logger log = LoggerFactory.getLogger(StoredQueues.class);

  private final QueueTableStore store;
  private final QueueRegistry registry;
  private final Set<String> listened;
  private volatile long refreshedAt;
  private boolean usable = true;

  StoredQueues(QueueTableStore store, QueueRegistry registry, Set<String> listened) {
    this.store = store;
    this.registry = registry;
    this.listened = listened;
  }

  /** Writes the code's queues as the rule above says, and puts the table's limits in effect. */
  void reconcile(long now) {
    String unusable = store.unusableBecause();
    if (unusable != null) {
      log.info("queues run with the limits registered in code: {}", unusable);
      usable = false;
      return;
    }
    for (QueueLimits code : registry.registeredInCode()) {
      Optional<QueueLimits> stored = store.find(code.name());
      Optional<String> lastInCode = store.registeredInCode(code.name());
      if (stored.isEmpty()) {
        store.insert(code, now);
        log.info("queue '{}' is new: recorded in dbos.queues with the code's limits {}", code.name(), describe(code));
      } else if (!stored.get().equals(code)) {
        if (lastInCode.isPresent() && lastInCode.get().equals(code.toString())) {
          log.info(
              "queue '{}': keeping the limits in dbos.queues, {}, set there since the code registered {};"
                  + " change them with DBOS.updateQueue or 'dbos queue update'",
              code.name(), describe(stored.get()), describe(code));
        } else {
          store.update(code, now);
          log.warn(
              "queue '{}': this code registers {} where dbos.queues had {}; the code changed since it last"
                  + " registered the queue, so dbos.queues now has the code's limits",
              code.name(), describe(code), describe(stored.get()));
        }
      }
      store.recordRegisteredInCode(code, now);
    }
    registry.useStored(store.list());
    refreshedAt = now;
  }

  /** Reads the table again at the runner's next pass. */
  void refreshNow() {
    refreshedAt = Long.MIN_VALUE / 2;
  }

  @Override
  public List<QueueLimits> current(long now) {
    if (usable && now - refreshedAt >= REFRESH_MS) {
      refreshedAt = now;
      try {
        registry.useStored(store.list());
      } catch (RuntimeException e) {
        if (!SystemDatabaseUnreachableException.isCauseOf(e)) {
          throw e;
        }
        log.debug("queue limits stay as last read from dbos.queues: {}", e.toString());
      }
    }
    return registry.served(listened);
  }

  /** The limits as a person reads them, e.g. {@code concurrency=5, rateLimit=10 per PT1S}. */
  static String describe(QueueLimits q) {
    StringBuilder s = new StringBuilder();
    append(s, "concurrency", q.concurrency());
    append(s, "workerConcurrency", q.workerConcurrency());
    append(s, "rateLimit", q.rateLimit() == null ? null : q.rateLimit().limit() + " per " + q.rateLimit().period());
    append(s, "priorityEnabled", q.priorityEnabled() ? true : null);
    append(s, "partitionConcurrency", q.partitionConcurrency());
    append(s, "partitionWorkerConcurrency", q.partitionWorkerConcurrency());
    append(s, "partitionRateLimit",
        q.partitionRateLimit() == null ? null : q.partitionRateLimit().limit() + " per " + q.partitionRateLimit().period());
    return s.length() == 0 ? "(no limits)" : "(" + s + ")";
  }

  private static void append(StringBuilder s, String name, Object value) {
    if (value != null) {
      s.append(s.length() == 0 ? "" : ", ").append(name).append('=').append(value);
    }
  }
}
