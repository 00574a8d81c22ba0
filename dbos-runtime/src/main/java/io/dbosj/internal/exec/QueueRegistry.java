package io.dbosj.internal.exec;

import io.dbosj.DbosException;
import io.dbosj.internal.db.QueueLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The queues of one runtime by name: registered in code before launch, one set of limits per
 * name, and the internal queue that resumed and forked workflows wait on, present in every
 * process. Once launched, the limits in effect are those kept in {@code dbos.queues} ({@link
 * #useStored}), which also adds the queues created there at run time.
 */
public final class QueueRegistry {
  /** The queue resumed and forked workflows wait on. */
  public static final String INTERNAL_QUEUE = "_dbos_internal_queue";

  private final Map<String, QueueLimits> queues = new LinkedHashMap<>();
  /** The limits in effect: the code's, replaced by and added to from {@code dbos.queues}. */
  private Map<String, QueueLimits> effective = queues;
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
   * The registered queue named {@code name}, checked for an enqueue with {@code priority} in
   * partition {@code partitionKey} (either may be null).
   *
   * @throws DbosException if no queue has that name
   */
  public synchronized QueueLimits require(String name, Integer priority, String partitionKey) {
    QueueLimits queue = effective.get(name);
    if (queue == null) {
      throw new DbosException(
          "queue '" + name + "' is not registered: call dbos.register(queue) before dbos.launch()");
    }
    if (priority != null && !queue.priorityEnabled()) {
      throw new IllegalArgumentException(
          "a priority was given for queue '" + name + "', which does not order by priority;"
              + " register it with .priorityEnabled(true)");
    }
    checkPartitionKey(queue, partitionKey);
    return queue;
  }

  /** Checks that an enqueue on {@code queue} names a partition if and only if the queue is partitioned. */
  public static void checkPartitionKey(QueueLimits queue, String partitionKey) {
    if (queue.partitioned() && partitionKey == null) {
      throw new IllegalArgumentException(
          "queue '" + queue.name() + "' is partitioned (it has partition limits): name the partition of each"
              + " workflow enqueued on it with StartOptions.queuePartitionKey(key)");
    }
    if (!queue.partitioned() && partitionKey != null) {
      throw new IllegalArgumentException(
          "a queue partition key was given for queue '" + queue.name() + "', which has no partition limits;"
              + " give it one, e.g. .partitionConcurrency(1), or enqueue without a partition key");
    }
  }

  /**
   * Checks that every queue named is registered.
   *
   * @throws IllegalArgumentException naming those that are not
   */
  public synchronized void checkRegistered(Set<String> names) {
    List<String> unknown = names.stream().filter(name -> !queues.containsKey(name)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "listenQueues names " + unknown + ", which " + (unknown.size() == 1 ? "is" : "are")
              + " not registered: register each queue this process serves with dbos.register(queue) before"
              + " launch(), or leave it out of listenQueues");
    }
  }

  /**
   * The queues this process's runner serves: the internal one, and those named ({@code null}:
   * every registered queue).
   */
  public synchronized List<QueueLimits> served(Set<String> names) {
    return effective.values().stream()
        .filter(q -> names == null || q.name().equals(INTERNAL_QUEUE) || names.contains(q.name()))
        .toList();
  }

  /** Every queue in effect, the internal one first. */
  public synchronized List<QueueLimits> all() {
    return List.copyOf(effective.values());
  }

  /** The queues registered in code, the internal one left out. */
  public synchronized List<QueueLimits> registeredInCode() {
    return queues.values().stream().filter(q -> !q.name().equals(INTERNAL_QUEUE)).toList();
  }

  /**
   * Puts the limits kept in {@code dbos.queues} in effect: each stored queue's replace the code's,
   * stored queues the code does not register are added, and a code queue whose row was deleted
   * keeps the code's limits. The internal queue is this process's own and stays unlimited.
   */
  public synchronized void useStored(List<QueueLimits> stored) {
    Map<String, QueueLimits> next = new LinkedHashMap<>(queues);
    for (QueueLimits queue : stored) {
      if (!queue.name().startsWith("_dbos")) {
        next.put(queue.name(), queue);
      }
    }
    effective = next;
  }
}
