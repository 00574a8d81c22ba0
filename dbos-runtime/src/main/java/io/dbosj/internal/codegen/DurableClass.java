package io.dbosj.internal.codegen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatch table of one durable class: every durable method by its durable name, with the
 * lambda that calls it. Recovery reads a workflow's name and arguments from the system database
 * and starts it through this table; no reflection is involved.
 *
 * <pre>{@code
 * private static final DurableClass<CheckoutDurable> CLASS =
 *     DurableClass.<CheckoutDurable>builder("com.shop.Checkout")
 *         .add(CHECKOUT, (self, args) -> self.checkout((Order) args[0]))
 *         .build();
 * }</pre>
 */
public final class DurableClass<T> {
  /**
   * A durable method and the lambda that calls it on an instance; a workflow's {@code
   * fingerprint} (see {@link Fingerprint#ofWorkflow}) is recorded with each of its executions, a
   * step's is {@code null}.
   */
  public record Entry<T>(DurableMethod<?> method, Dispatch<T> dispatch, String fingerprint) {}

  private final String className;
  private final Map<String, Entry<T>> workflows;
  private final Map<String, Entry<T>> steps;

  private DurableClass(String className, Map<String, Entry<T>> workflows, Map<String, Entry<T>> steps) {
    this.className = className;
    this.workflows = workflows;
    this.steps = steps;
  }

  public static <T> Builder<T> builder(String className) {
    return new Builder<>(className);
  }

  /** The binary name of the user's class (not of the generated subclass). */
  public String className() {
    return className;
  }

  /** The workflow with this durable name, or {@code null}. */
  public Entry<T> workflow(String name) {
    return workflows.get(name);
  }

  /** The step with this durable name, or {@code null}. */
  public Entry<T> step(String name) {
    return steps.get(name);
  }

  /** The fingerprint of every workflow of this class. */
  public List<String> workflowFingerprints() {
    return workflows.values().stream().map(Entry::fingerprint).toList();
  }

  /** Every durable method, workflows first, in declaration order. */
  public List<DurableMethod<?>> methods() {
    List<DurableMethod<?>> all = new ArrayList<>();
    workflows.values().forEach(e -> all.add(e.method()));
    steps.values().forEach(e -> all.add(e.method()));
    return Collections.unmodifiableList(all);
  }

  /** Collects the entries of a {@link DurableClass}. */
  public static final class Builder<T> {
    private final String className;
    private final Map<String, Entry<T>> workflows = new LinkedHashMap<>();
    private final Map<String, Entry<T>> steps = new LinkedHashMap<>();

    private Builder(String className) {
      this.className = className;
    }

    public Builder<T> add(DurableMethod<?> method, Dispatch<T> dispatch) {
      Map<String, Entry<T>> table =
          method.kind() == DurableMethod.Kind.WORKFLOW ? workflows : steps;
      String fingerprint = table == workflows ? Fingerprint.ofWorkflow(className, method) : null;
      if (table.putIfAbsent(method.name(), new Entry<>(method, dispatch, fingerprint)) != null) {
        throw new IllegalStateException(
            "two durable methods of " + className + " are named '" + method.name() + "'");
      }
      return this;
    }

    public DurableClass<T> build() {
      return new DurableClass<>(
          className,
          Collections.unmodifiableMap(new LinkedHashMap<>(workflows)),
          Collections.unmodifiableMap(new LinkedHashMap<>(steps)));
    }
  }
}
