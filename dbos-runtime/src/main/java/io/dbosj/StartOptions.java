package io.dbosj;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * How a workflow is started in the background: with {@code DBOS.startWorkflow(() -> ...,
 * options)}, {@code queue.enqueue(() -> ..., options)} or a generated starter, {@code
 * checkout.start(StartOptions.id("order-42")).checkout(order)}.
 *
 * <p>A value: each option is read by the method of its name without an argument and set by the
 * method of its name with one, which returns a new instance (the convention {@link Queue}
 * follows). Two instances with the same options are equal.
 *
 * <pre>{@code
 * WorkflowHandle<Receipt> handle = checkout.start(StartOptions.id("order-42")).checkout(order);
 * StartOptions options = StartOptions.defaults().queue(orders).deduplicationId(customerId).priority(1);
 * checkout.start(options).checkout(order);
 * options.queueName();   // "orders"
 * }</pre>
 */
public final class StartOptions {
  /**
   * The header that carries a request's idempotency key, as DBOS names it: a client that sets it,
   * and sends the same value again when it retries, gets the one workflow both times.
   */
  public static final String IDEMPOTENCY_KEY_HEADER = "dbos-idempotency-key";

  private static final StartOptions DEFAULTS =
      new StartOptions(null, null, null, null, null, null, null, null, DeduplicationPolicy.REJECT, null);

  private final String workflowId;
  private final Queue queue;
  private final String deduplicationId;
  private final Integer priority;
  private final Duration timeout;
  private final Duration delay;
  private final Instant delayUntil;
  private final String partitionKey;
  private final DeduplicationPolicy deduplicationPolicy;
  private final Debounce debounce;

  private StartOptions(
      String workflowId, Queue queue, String deduplicationId, Integer priority, Duration timeout, Duration delay,
      Instant delayUntil, String partitionKey, DeduplicationPolicy deduplicationPolicy, Debounce debounce) {
    this.workflowId = workflowId;
    this.queue = queue;
    this.deduplicationId = deduplicationId;
    this.priority = priority;
    this.timeout = timeout;
    this.delay = delay;
    this.delayUntil = delayUntil;
    this.partitionKey = partitionKey;
    this.deduplicationPolicy = deduplicationPolicy;
    this.debounce = debounce;
  }

  /** No options: a generated workflow ID, started at once. */
  public static StartOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts the workflow with this ID: {@code StartOptions.id("order-42")} is {@code
   * StartOptions.defaults().workflowId("order-42")}. Starting again with an ID that exists
   * attaches to the existing workflow instead of running it twice.
   */
  public static StartOptions id(String workflowId) {
    return DEFAULTS.workflowId(workflowId);
  }

  /**
   * Options for a request-triggered workflow: the request's idempotency key as the workflow ID
   * when the client sent one (see {@link #IDEMPOTENCY_KEY_HEADER}), a generated ID otherwise.
   * Framework-neutral: pass the header's value, or {@code null}.
   *
   * <pre>{@code
   * app.get("/", ctx -> ctx.result(
   *     greeter.start(StartOptions.idempotencyKey(ctx.header(StartOptions.IDEMPOTENCY_KEY_HEADER)))
   *         .greet().getResult()));
   * }</pre>
   */
  public static StartOptions idempotencyKey(String key) {
    return key == null || key.isBlank() ? DEFAULTS : DEFAULTS.workflowId(key.trim());
  }

  /**
   * A copy with this workflow ID: {@code StartOptions.defaults().queue(orders).workflowId("o-42")}.
   */
  public StartOptions workflowId(String id) {
    Objects.requireNonNull(id, "workflow ID");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a workflow ID must not be blank");
    }
    return new StartOptions(id, queue, deduplicationId, priority, timeout, delay, delayUntil, partitionKey,
        deduplicationPolicy, debounce);
  }

  /** A copy that enqueues the workflow on {@code q} instead of starting it at once. */
  public StartOptions queue(Queue q) {
    return new StartOptions(workflowId, Objects.requireNonNull(q, "queue"), deduplicationId, priority, timeout, delay,
        delayUntil, partitionKey, deduplicationPolicy, debounce);
  }

  /**
   * A copy with a deduplication ID: while a workflow enqueued with this ID on the same queue is
   * {@code ENQUEUED} or {@code PENDING}, enqueueing another fails with {@link
   * QueueDeduplicatedException}.
   */
  public StartOptions deduplicationId(String id) {
    Objects.requireNonNull(id, "deduplication ID");
    return new StartOptions(workflowId, queue, id, priority, timeout, delay, delayUntil, partitionKey,
        deduplicationPolicy, debounce);
  }

  /**
   * A copy with a priority, on a queue with {@link Queue#priorityEnabled(boolean)}: lower
   * numbers are dequeued first.
   */
  public StartOptions priority(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("a priority must be 0 or more, was " + value);
    }
    return new StartOptions(workflowId, queue, deduplicationId, value, timeout, delay, delayUntil, partitionKey,
        deduplicationPolicy, debounce);
  }

  /**
   * A copy with a timeout: once it has passed since the workflow started (an enqueued workflow:
   * since it was dequeued), the workflow is cancelled at its next step or durable sleep, as by
   * {@code cancelWorkflow}. The deadline is recorded, so it holds across recovery. A child
   * workflow (called, started or enqueued by a workflow) ends by its parent's deadline at the
   * latest, with or without a timeout of its own.
   */
  public StartOptions timeout(Duration duration) {
    Objects.requireNonNull(duration, "timeout");
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("a timeout must be positive, was " + duration);
    }
    return new StartOptions(workflowId, queue, deduplicationId, priority, duration, delay, delayUntil, partitionKey,
        deduplicationPolicy, debounce);
  }

  /**
   * A copy that holds the enqueued workflow back for {@code duration} from its enqueue: it is
   * recorded {@code DELAYED} and joins its queue once the delay has passed (then in its place by
   * enqueue time and priority, within the queue's limits). The delay is recorded, so it holds
   * across restarts; {@code DBOS.setWorkflowDelay} changes it while the workflow waits. Only for
   * an enqueue: give a {@link #queue(Queue)} too.
   */
  public StartOptions delay(Duration duration) {
    Objects.requireNonNull(duration, "delay");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a delay must not be negative, was " + duration);
    }
    return new StartOptions(workflowId, queue, deduplicationId, priority, timeout, duration, null, partitionKey,
        deduplicationPolicy, debounce);
  }

  /** {@link #delay(Duration)} to an instant: the workflow joins its queue at {@code instant}. */
  public StartOptions delayUntil(Instant instant) {
    Objects.requireNonNull(instant, "delayUntil");
    return new StartOptions(workflowId, queue, deduplicationId, priority, timeout, null, instant, partitionKey,
        deduplicationPolicy, debounce);
  }

  /**
   * A copy with the partition this workflow is enqueued in, on a queue with partition limits
   * ({@link Queue#partitionConcurrency(int)} and the like): each partition key (a tenant, a
   * user) gets those limits of its own. Every enqueue on such a queue names its partition.
   */
  public StartOptions queuePartitionKey(String key) {
    Objects.requireNonNull(key, "queue partition key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a queue partition key must not be empty");
    }
    return new StartOptions(workflowId, queue, deduplicationId, priority, timeout, delay, delayUntil, key,
        deduplicationPolicy, debounce);
  }

  /**
   * A copy with what a {@link #deduplicationId(String)} already held on the queue does: fail
   * ({@link DeduplicationPolicy#REJECT}, the default) or return the holder ({@link
   * DeduplicationPolicy#RETURN_EXISTING}).
   */
  public StartOptions deduplicationPolicy(DeduplicationPolicy policy) {
    return new StartOptions(workflowId, queue, deduplicationId, priority, timeout, delay, delayUntil, partitionKey,
        Objects.requireNonNull(policy, "deduplication policy"), debounce);
  }

  /**
   * A copy that debounces the enqueue on {@code key}: the workflow starts once no enqueue with
   * this key has come for {@code quietPeriod}, with the arguments of the latest. The first enqueue
   * records the workflow {@code DELAYED} by {@code quietPeriod}; each later one while it waits
   * replaces its arguments, pushes its start back to {@code quietPeriod} from then, and returns
   * a handle to that same workflow. Once it has joined its queue, the next enqueue with the key
   * debounces a new workflow. Only for an enqueue: give a {@link #queue(Queue)} too.
   *
   * <pre>{@code
   * // re-index a document once its edits have paused for 5 seconds
   * indexer.start(StartOptions.defaults().queue(indexing).debounce(documentId, Duration.ofSeconds(5))).reindex(documentId, text);
   * }</pre>
   */
  public StartOptions debounce(String key, Duration quietPeriod) {
    return debounce(key, quietPeriod, null);
  }

  /**
   * {@link #debounce(String, Duration)}, and the workflow starts at the latest {@code maxWait}
   * after the first enqueue of its key, however often later ones come ({@code null}: no limit).
   */
  public StartOptions debounce(String key, Duration quietPeriod, Duration maxWait) {
    return new StartOptions(workflowId, queue, deduplicationId, priority, timeout, delay, delayUntil, partitionKey,
        deduplicationPolicy, new Debounce(key, quietPeriod, maxWait));
  }

  /** The debounce, or {@code null}. */
  public Debounce debounce() {
    return debounce;
  }

  /** The workflow ID to use, or {@code null} to generate one. */
  public String workflowId() {
    return workflowId;
  }

  /** The queue to enqueue on, or {@code null} to start at once. */
  public Queue queue() {
    return queue;
  }

  /** The name of {@link #queue()}, or {@code null} to start at once. */
  public String queueName() {
    return queue == null ? null : queue.name();
  }

  /** The deduplication ID, or {@code null}. */
  public String deduplicationId() {
    return deduplicationId;
  }

  /** The priority, or {@code null}. */
  public Integer priority() {
    return priority;
  }

  /** The timeout, or {@code null}. */
  public Duration timeout() {
    return timeout;
  }

  /** The delay from enqueue, or {@code null} (see {@link #delayUntil()}). */
  public Duration delay() {
    return delay;
  }

  /** The instant the workflow joins its queue, or {@code null} (see {@link #delay()}). */
  public Instant delayUntil() {
    return delayUntil;
  }

  /** The queue partition key, or {@code null}. */
  public String queuePartitionKey() {
    return partitionKey;
  }

  /** What a deduplication ID already held does; {@link DeduplicationPolicy#REJECT} unless set. */
  public DeduplicationPolicy deduplicationPolicy() {
    return deduplicationPolicy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StartOptions other
        && Objects.equals(workflowId, other.workflowId)
        && Objects.equals(queue, other.queue)
        && Objects.equals(deduplicationId, other.deduplicationId)
        && Objects.equals(priority, other.priority)
        && Objects.equals(timeout, other.timeout)
        && Objects.equals(delay, other.delay)
        && Objects.equals(delayUntil, other.delayUntil)
        && Objects.equals(partitionKey, other.partitionKey)
        && deduplicationPolicy == other.deduplicationPolicy
        && Objects.equals(debounce, other.debounce);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        workflowId, queue, deduplicationId, priority, timeout, delay, delayUntil, partitionKey, deduplicationPolicy,
        debounce);
  }

  /** Every option that is set, e.g. {@code StartOptions{workflowId=o-42, timeout=PT30S}}. */
  @Override
  public String toString() {
    StringJoiner set = new StringJoiner(", ", "StartOptions{", "}");
    if (workflowId != null) {
      set.add("workflowId=" + workflowId);
    }
    if (queue != null) {
      set.add("queue=" + queue);
    }
    if (deduplicationId != null) {
      set.add("deduplicationId=" + deduplicationId);
    }
    if (priority != null) {
      set.add("priority=" + priority);
    }
    if (timeout != null) {
      set.add("timeout=" + timeout);
    }
    if (delay != null) {
      set.add("delay=" + delay);
    }
    if (delayUntil != null) {
      set.add("delayUntil=" + delayUntil);
    }
    if (partitionKey != null) {
      set.add("queuePartitionKey=" + partitionKey);
    }
    if (deduplicationPolicy != DeduplicationPolicy.REJECT) {
      set.add("deduplicationPolicy=" + deduplicationPolicy);
    }
    if (debounce != null) {
      set.add("debounce=" + debounce);
    }
    return set.toString();
  }
}
