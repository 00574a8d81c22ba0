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

  private Queue(
      String name,
      Integer concurrency,
      Integer workerConcurrency,
      int rateLimit,
      Duration ratePeriod,
      boolean priorityEnabled) {
    this.limits = new QueueLimits(name, concurrency, workerConcurrency, rateLimit, ratePeriod, priorityEnabled);
  }

  /** A queue named {@code name}, without limits. */
  public static Queue of(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a queue name must not be blank");
    }
    return new Queue(name, null, null, 0, null, false);
  }

  /** At most {@code limit} of this queue's workflows run at once, across all processes. */
  public Queue concurrency(int limit) {
    requirePositive(limit, "concurrency");
    return new Queue(name(), limit, workerConcurrency(), rateLimit(), ratePeriod(), priorityEnabled());
  }

  /** At most {@code limit} of this queue's workflows run at once in each process. */
  public Queue workerConcurrency(int limit) {
    requirePositive(limit, "workerConcurrency");
    return new Queue(name(), concurrency(), limit, rateLimit(), ratePeriod(), priorityEnabled());
  }

  /** At most {@code limit} of this queue's workflows start in any {@code period}, across all processes. */
  public Queue rateLimit(int limit, Duration period) {
    requirePositive(limit, "rateLimit");
    Objects.requireNonNull(period, "period");
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("the rate limit period of queue '" + name() + "' must be positive, was " + period);
    }
    return new Queue(name(), concurrency(), workerConcurrency(), limit, period, priorityEnabled());
  }

  /**
   * Whether {@link StartOptions#priority(int)} orders this queue: lower numbers first, and
   * equal priorities in the order they were enqueued.
   */
  public Queue priorityEnabled(boolean enabled) {
    return new Queue(name(), concurrency(), workerConcurrency(), rateLimit(), ratePeriod(), enabled);
  }

  private void requirePositive(int value, String option) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " of queue '" + name() + "' must be at least 1, was " + value);
    }
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
    return limits.rateLimit();
  }

  /** The rate limit's window, or {@code null}. */
  public Duration ratePeriod() {
    return limits.ratePeriod();
  }

  public boolean priorityEnabled() {
    return limits.priorityEnabled();
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
        + "}";
  }
}
