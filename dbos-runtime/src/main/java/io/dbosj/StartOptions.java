package io.dbosj;

import java.util.Objects;

/**
 * How a workflow is started in the background: with {@code DBOS.startWorkflow(() -> ...,
 * options)}, {@code queue.enqueue(() -> ..., options)} or a generated starter, {@code
 * checkout.start(StartOptions.id("order-42")).checkout(order)}.
 *
 * <p>Immutable; each method returns a new instance.
 *
 * <pre>{@code
 * WorkflowHandle<Receipt> handle = checkout.start(StartOptions.id("order-42")).checkout(order);
 * checkout.start(StartOptions.defaults().queue(orders).deduplicationId(customerId).priority(1))
 *     .checkout(order);
 * }</pre>
 */
public final class StartOptions {
  private static final StartOptions DEFAULTS = new StartOptions(null, null, null, null, null);

  private final String workflowId;
  private final Queue queue;
  private final String deduplicationId;
  private final Integer priority;
  private final java.time.Duration timeout;

  private StartOptions(
      String workflowId, Queue queue, String deduplicationId, Integer priority, java.time.Duration timeout) {
    this.workflowId = workflowId;
    this.queue = queue;
    this.deduplicationId = deduplicationId;
    this.priority = priority;
    this.timeout = timeout;
  }

  /** No options: a generated workflow ID, started at once. */
  public static StartOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts the workflow with this ID. Starting again with an ID that exists attaches to the
   * existing workflow instead of running it twice.
   */
  public static StartOptions id(String workflowId) {
    return DEFAULTS.withId(workflowId);
  }

  /**
   * The header that carries a request's idempotency key, as DBOS names it: a client that sets it,
   * and sends the same value again when it retries, gets the one workflow both times.
   */
  public static final String IDEMPOTENCY_KEY_HEADER = "dbos-idempotency-key";

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
    return key == null || key.isBlank() ? DEFAULTS : DEFAULTS.withId(key.trim());
  }

  /** A copy with this workflow ID. */
  public StartOptions withId(String id) {
    Objects.requireNonNull(id, "workflow ID");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a workflow ID must not be blank");
    }
    return new StartOptions(id, queue, deduplicationId, priority, timeout);
  }

  /** A copy that enqueues the workflow on {@code queue} instead of starting it at once. */
  public StartOptions queue(Queue q) {
    return new StartOptions(workflowId, Objects.requireNonNull(q, "queue"), deduplicationId, priority, timeout);
  }

  /**
   * A copy with a deduplication ID: while a workflow enqueued with this ID on the same queue is
   * {@code ENQUEUED} or {@code PENDING}, enqueueing another fails with {@link
   * QueueDeduplicatedException}.
   */
  public StartOptions deduplicationId(String id) {
    Objects.requireNonNull(id, "deduplication ID");
    return new StartOptions(workflowId, queue, id, priority, timeout);
  }

  /**
   * A copy with a priority, on a queue with {@link Queue#priorityEnabled(boolean)}: lower
   * numbers are dequeued first.
   */
  public StartOptions priority(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("a priority must be 0 or more, was " + value);
    }
    return new StartOptions(workflowId, queue, deduplicationId, value, timeout);
  }

  /**
   * A copy with a timeout: once it has passed since the workflow started (or was enqueued), the
   * workflow is cancelled at its next step or durable sleep, as by {@code cancelWorkflow}. The
   * deadline is recorded, so it holds across recovery.
   */
  public StartOptions timeout(java.time.Duration duration) {
    Objects.requireNonNull(duration, "timeout");
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("a timeout must be positive, was " + duration);
    }
    return new StartOptions(workflowId, queue, deduplicationId, priority, duration);
  }

  /** The timeout, or {@code null}. */
  public java.time.Duration timeout() {
    return timeout;
  }

  /** The workflow ID to use, or {@code null} to generate one. */
  public String workflowId() {
    return workflowId;
  }

  /** The queue to enqueue on, or {@code null} to start at once. */
  public Queue queue() {
    return queue;
  }

  /** The name of the queue to enqueue on, or {@code null} to start the workflow at once. */
  public String queueName() {
    return queue == null ? null : queue.name();
  }

  public String deduplicationId() {
    return deduplicationId;
  }

  /** The priority, or {@code null}. */
  public Integer priority() {
    return priority;
  }

  @Override
  public String toString() {
    return "StartOptions{workflowId="
        + workflowId
        + (queue == null ? "" : ", queue=" + queue.name())
        + (deduplicationId == null ? "" : ", deduplicationId=" + deduplicationId)
        + (priority == null ? "" : ", priority=" + priority)
        + "}";
  }
}
