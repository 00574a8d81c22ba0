package io.dbosj;

import java.util.Objects;

/**
 * How a workflow is started in the background: with {@code DBOS.startWorkflow(() -> ...,
 * options)} or a generated starter, {@code checkout.start(StartOptions.id("order-42"))
 * .checkout(order)}.
 *
 * <p>Immutable; each method returns a new instance.
 *
 * <pre>{@code
 * WorkflowHandle<Receipt> handle = checkout.start(StartOptions.id("order-42")).checkout(order);
 * }</pre>
 */
public final class StartOptions {
  private static final StartOptions DEFAULTS = new StartOptions(null);

  private final String workflowId;

  private StartOptions(String workflowId) {
    this.workflowId = workflowId;
  }

  /** No options: a generated workflow ID. */
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

  /** A copy with this workflow ID. */
  public StartOptions withId(String id) {
    Objects.requireNonNull(id, "workflow ID");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a workflow ID must not be blank");
    }
    return new StartOptions(id);
  }

  /** The workflow ID to use, or {@code null} to generate one. */
  public String workflowId() {
    return workflowId;
  }

  @Override
  public String toString() {
    return "StartOptions{workflowId=" + workflowId + "}";
  }
}
