package io.dbosj.internal.exec;

import io.dbosj.internal.codegen.DurableClass;

/** A durable object known to the runtime: its class's dispatch table and its instance name. */
public final class RegisteredInstance<T> {
  private final CallRouter router;
  private final T self;
  private final DurableClass<T> type;
  private final String instanceName;

  RegisteredInstance(CallRouter router, T self, DurableClass<T> type, String instanceName) {
    this.router = router;
    this.self = self;
    this.type = type;
    this.instanceName = instanceName;
  }

  CallRouter router() {
    return router;
  }

  public DurableClass<T> type() {
    return type;
  }

  public String className() {
    return type.className();
  }

  public String instanceName() {
    return instanceName;
  }

  /**
   * What a workflow row names: a workflow of this class, or a step of it that was started on its
   * own; {@code null} if neither.
   */
  public DurableClass.Entry<T> entry(String durableName) {
    DurableClass.Entry<T> workflow = type.workflow(durableName);
    return workflow != null ? workflow : type.step(durableName);
  }

  /** Calls a durable method through the generated dispatch table. */
  void dispatch(DurableClass.Entry<T> entry, Object[] args) throws Throwable {
    entry.dispatch().call(self, args);
  }

  /** The fingerprint of this class's workflow {@code workflowName}, or {@code null} if it has none of that name. */
  public String fingerprint(String workflowName) {
    DurableClass.Entry<T> workflow = type.workflow(workflowName);
    return workflow == null ? null : workflow.fingerprint();
  }

  /** How this instance appears in messages: the class, and its name if it has one. */
  String describe() {
    return instanceName.isEmpty() ? type.className() : type.className() + " '" + instanceName + "'";
  }
}
