package io.dbosj;

import io.dbosj.internal.db.QueueLimits;
import io.dbosj.internal.exec.CallRouter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A durable queue of workflows, with limits that hold across every process sharing the system
 * database. Immutable: each method returns a new queue.
 *
 * <pre>{@code
 * Queue queue = Queue.of("emails").concurrency(10).rateLimit(50, Duration.ofSeconds(1));
 * dbos.register(queue);                      // before dbos.launch()
 * ...
 * WorkflowHandle<String> h = queue.enqueue(() -> sendEmail(to));   // inside a durable class
 * WorkflowHandle<String> h = mailer.enqueue(queue).sendEmail(to);  // from outside
 * }</pre>
 *
 * <p>A {@code @Step} enqueued on its own runs as a workflow of that one step.
 */
public final class Queue {
  private final QueueLimits limits;

  private Queue(QueueLimits limits) {
    this.limits = limits;
  }

  /** A queue named {@code name}, without limits. */
  public static Queue of(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a queue name must not be blank");
    }
    return new Queue(QueueLimits.unlimited(name));
  }

  /** At most {@code limit} of this queue's workflows run at once, across all processes. */
  public Queue concurrency(int limit) {
    return new Queue(limits.withConcurrency(requirePositive(limit, "concurrency")));
  }

  /** At most {@code limit} of this queue's workflows run at once in each process. */
  public Queue workerConcurrency(int limit) {
    return new Queue(limits.withWorkerConcurrency(requirePositive(limit, "workerConcurrency")));
  }

  /** At most {@code limit} of this queue's workflows start in any {@code period}, across all processes. */
  public Queue rateLimit(int limit, Duration period) {
    return new Queue(limits.withRateLimit(rate(limit, period, "rateLimit")));
  }

  /**
   * Whether {@link StartOptions#priority(int)} orders this queue: lower numbers first, and
   * equal priorities in the order they were enqueued.
   */
  public Queue priorityEnabled(boolean enabled) {
    return new Queue(limits.withPriorityEnabled(enabled));
  }

  /**
   * At most {@code limit} workflows of each partition run at once, across all processes: {@code
   * partitionConcurrency(1)} runs one task at a time per tenant or user. Any partition limit
   * partitions the queue: each enqueue names its partition with {@link
   * StartOptions#queuePartitionKey(String)}. The queue-wide limits still hold over all partitions.
   */
  public Queue partitionConcurrency(int limit) {
    return new Queue(limits.withPartitionConcurrency(requirePositive(limit, "partitionConcurrency")));
  }

  /** At most {@code limit} workflows of each partition run at once in each process. */
  public Queue partitionWorkerConcurrency(int limit) {
    return new Queue(limits.withPartitionWorkerConcurrency(requirePositive(limit, "partitionWorkerConcurrency")));
  }

  /** At most {@code limit} workflows of each partition start in any {@code period}, across all processes. */
  public Queue partitionRateLimit(int limit, Duration period) {
    return new Queue(limits.withPartitionRateLimit(rate(limit, period, "partitionRateLimit")));
  }

  private int requirePositive(int value, String option) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " of queue '" + name() + "' must be at least 1, was " + value);
    }
    return value;
  }

  private QueueLimits.RateLimit rate(int limit, Duration period, String option) {
    requirePositive(limit, option);
    Objects.requireNonNull(period, "period");
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException(
          "the " + option + " period of queue '" + name() + "' must be positive, was " + period);
    }
    return new QueueLimits.RateLimit(limit, period);
  }

  /**
   * Enqueues the one durable call the lambda makes: {@code queue.enqueue(() -> process(item))}.
   * The workflow is durably recorded as {@code ENQUEUED} when this returns. Inside a workflow the
   * enqueue is itself recorded, so a re-execution does not enqueue again. The lambda is a {@link
   * Callable} so that it may name methods that declare checked exceptions; the call is recorded,
   * not run, so nothing is thrown from it here.
   */
  public <R> WorkflowHandle<R> enqueue(Callable<R> call) {
    return enqueue(call, StartOptions.defaults());
  }

  /** {@link #enqueue(Callable)} for a call without a result. */
  public WorkflowHandle<Void> enqueue(Runnable call) {
    Objects.requireNonNull(call, "call");
    return enqueue(
        () -> {
          call.run();
          return null;
        });
  }

  /** {@link #enqueue(Callable)} with options: an ID, a deduplication ID, a priority. */
  public <R> WorkflowHandle<R> enqueue(Callable<R> call, StartOptions options) {
    Objects.requireNonNull(call, "call");
    Supplier<R> recorded =
        () -> {
          try {
            return call.call();
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException("a recorded call threw " + e, e);
          }
        };
    return CallRouter.startCaptured(
        recorded, Objects.requireNonNull(options, "options").queue(this), "the lambda given to queue.enqueue");
  }

  public String name() {
    return limits.name();
  }

  /** The queue with these limits, as {@code dbos.queues} keeps them. */
  static Queue of(QueueLimits limits) {
    return new Queue(limits);
  }

  /** This queue's limits, as the runtime registers them. */
  QueueLimits limits() {
    return limits;
  }

  /** The global concurrency limit, or {@code null}. */
  public Integer concurrency() {
    return limits.concurrency();
  }

  /** The per-process concurrency limit, or {@code null}. */
  public Integer workerConcurrency() {
    return limits.workerConcurrency();
  }

  /** Starts allowed per {@link #ratePeriod()}, or 0 for no rate limit. */
  public int rateLimit() {
    return limits.rateLimit() == null ? 0 : limits.rateLimit().limit();
  }

  /** The rate limit's window, or {@code null}. */
  public Duration ratePeriod() {
    return limits.rateLimit() == null ? null : limits.rateLimit().period();
  }

  public boolean priorityEnabled() {
    return limits.priorityEnabled();
  }

  /** The per-partition global concurrency limit, or {@code null}. */
  public Integer partitionConcurrency() {
    return limits.partitionConcurrency();
  }

  /** The per-partition, per-process concurrency limit, or {@code null}. */
  public Integer partitionWorkerConcurrency() {
    return limits.partitionWorkerConcurrency();
  }

  /** Starts allowed per partition per {@link #partitionRatePeriod()}, or 0 for none. */
  public int partitionRateLimit() {
    return limits.partitionRateLimit() == null ? 0 : limits.partitionRateLimit().limit();
  }

  /** The per-partition rate limit's window, or {@code null}. */
  public Duration partitionRatePeriod() {
    return limits.partitionRateLimit() == null ? null : limits.partitionRateLimit().period();
  }

  /** Whether any partition limit is set, so that each enqueue names a partition key. */
  public boolean partitioned() {
    return limits.partitioned();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Queue q && limits.equals(q.limits);
  }

  @Override
  public int hashCode() {
    return limits.hashCode();
  }

  @Override
  public String toString() {
    return "Queue{"
        + name()
        + (concurrency() == null ? "" : ", concurrency=" + concurrency())
        + (workerConcurrency() == null ? "" : ", workerConcurrency=" + workerConcurrency())
        + (rateLimit() == 0 ? "" : ", rateLimit=" + rateLimit() + " per " + ratePeriod())
        + (priorityEnabled() ? ", priorityEnabled" : "")
        + (partitionConcurrency() == null ? "" : ", partitionConcurrency=" + partitionConcurrency())
        + (partitionWorkerConcurrency() == null ? "" : ", partitionWorkerConcurrency=" + partitionWorkerConcurrency())
        + (partitionRateLimit() == 0 ? "" : ", partitionRateLimit=" + partitionRateLimit() + " per " + partitionRatePeriod())
        + "}";
  }
}
