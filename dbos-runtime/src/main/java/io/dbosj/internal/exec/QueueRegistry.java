package io.dbosj.internal.exec;

import io.dbosj.DbosException;
import io.dbosj.internal.db.QueueLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queues of one runtime by name: registered before launch, one set of limits per name,
 * and the internal queue that resumed and forked workflows wait on, present in every process.
 */
public final class QueueRegistry {
  /** The queue resumed and forked workflows wait on. */
  public static final String INTERNAL_QUEUE = "_dbos_internal_queue";

  private final Map<String, QueueLimits> queues = new LinkedHashMap<>();
  private boolean closed;

  public QueueRegistry() {
    queues.put(INTERNAL_QUEUE, QueueLimits.unlimited(INTERNAL_QUEUE));
  }

  /** Registers a queue; before launch only, and one set of limits per name. */
  public synchronized void register(QueueLimits queue, String described) {
    if (closed) {
      throw new IllegalStateException(
          "queue '" + queue.name() + "' was registered after dbos.launch(): register every queue before launch()");
    }
    if (queue.name().startsWith("_dbos")) {
      throw new IllegalArgumentException(
          "queue names starting with _dbos are reserved for io.dbosj; rename queue '" + queue.name() + "'");
    }
    QueueLimits existing = queues.putIfAbsent(queue.name(), queue);
    if (existing != null && !existing.equals(queue)) {
      throw new IllegalArgumentException(
          "queue '" + queue.name() + "' is already registered with other limits; it cannot also be "
              + described + ". Give each set of options its own queue name.");
    }
  }

  /** Closes registration; called by launch. */
  public synchronized void close() {
    closed = true;
  }

  /**
   * The registered queue named {@code name}, checked for use with {@code priority}.
   *
   * @throws DbosException if no queue has that name
   */
  public synchronized QueueLimits require(String name, Integer priority) {
    QueueLimits queue = queues.get(name);
    if (queue == null) {
      throw new DbosException(
          "queue '" + name + "' is not registered: call dbos.register(queue) before dbos.launch()");
    }
    if (priority != null && !queue.priorityEnabled()) {
      throw new IllegalArgumentException(
          "a priority was given for queue '" + name + "', which does not order by priority;"
              + " register it with .priorityEnabled(true)");
    }
    return queue;
  }

  /** Every registered queue, the internal one first. */
  public synchronized List<QueueLimits> all() {
    return List.copyOf(queues.values());
  }
}
