package io.dbosj.processor;

/** The kinds of durable method the processor generates overrides for. */
enum MethodKind {
  WORKFLOW("workflow"),
  STEP("step"),
  TRANSACTION("transaction");

  private final String factory;

  MethodKind(String factory) {
    this.factory = factory;
  }

  /** The name of the {@code DurableMethod} factory method for this kind. */
  String factory() {
    return factory;
  }
}
