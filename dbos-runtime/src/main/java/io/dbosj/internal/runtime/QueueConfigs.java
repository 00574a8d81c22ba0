package io.dbosj.internal.runtime;

import io.dbosj.DbosException;
import io.dbosj.internal.db.QueueLimits;
import io.dbosj.internal.db.QueueTableStore;
import java.util.List;
import java.util.Optional;

/**
 * The queues kept in {@code dbos.queues}, for the API and the CLI: listed, read, created or
 * changed, deleted. A change reaches every process's runner within {@link StoredQueues#REFRESH_MS}
 * ms; {@code changed} tells this process's at once.
 */
public final class QueueConfigs {
  private final QueueTableStore store;
  private final Runnable changed;

  QueueConfigs(QueueTableStore store, Runnable changed) {
    this.store = store;
    this.changed = changed;
  }

  public List<QueueLimits> list() {
    return usable().list();
  }

  public Optional<QueueLimits> find(String name) {
    return usable().find(name);
  }

  private QueueTableStore usable() {
    String unusable = store.unusableBecause();
    if (unusable != null) {
      throw new DbosException(unusable);
    }
    return store;
  }

  /** Records {@code queue}'s limits, creating it if it is new; returns whether it was new. */
  public boolean update(QueueLimits queue) {
    if (queue.name().startsWith("_dbos")) {
      throw new IllegalArgumentException(
          "queue names starting with _dbos are io.dbosj's own; '" + queue.name() + "' cannot be changed");
    }
    usable();
    long now = System.currentTimeMillis();
    boolean created;
    if (store.insert(queue, now)) {
      created = true;
    } else {
      created = !store.update(queue, now) && store.insert(queue, now); // deleted in between: new again
    }
    changed.run();
    return created;
  }

  /** Deletes the queue from {@code dbos.queues}; returns whether there was one. Its workflows stay. */
  public boolean delete(String name) {
    boolean deleted = usable().delete(name);
    changed.run();
    return deleted;
  }
}
