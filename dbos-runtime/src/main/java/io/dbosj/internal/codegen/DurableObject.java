package io.dbosj.internal.codegen;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.internal.DbosAccess;
import io.dbosj.internal.exec.DurableCall;
import io.dbosj.internal.exec.RegisteredInstance;
import io.dbosj.internal.exec.WorkflowEngine;

/**
 * One registered instance of a generated {@code XxxDurable} class, and the door through which its
 * overrides reach the runtime. Each override hands over its descriptor, its arguments and its
 * original body; what happens then depends on where the call is made: run as a workflow, run as a
 * recorded step of the current workflow, or recorded to be started or enqueued later.
 */
public final class DurableObject {
  private final WorkflowEngine engine;
  private final RegisteredInstance instance;

  private DurableObject(WorkflowEngine engine, RegisteredInstance instance) {
    this.engine = engine;
    this.instance = instance;
  }

  /**
   * Registers {@code self} with {@code dbos} under {@code instanceName} ({@code ""} for the
   * default instance). Fails if {@code dbos} is already launched or the name is taken.
   */
  public static <T> DurableObject register(
      DBOS dbos, T self, DurableClass<T> type, String instanceName) {
    WorkflowEngine engine = DbosAccess.engine(dbos);
    RegisteredInstance instance = engine.registry().register(self, type, instanceName);
    return new DurableObject(engine, instance);
  }

  /** The override of a {@code @Workflow} method. */
  public <R> R workflow(DurableMethod<R> method, Object[] args, DurableBody<R> body) {
    return engine.callWorkflow(new DurableCall<>(instance, method, args, body));
  }

  /** The override of a {@code @Step} method. */
  public <R> R step(DurableMethod<R> method, Object[] args, DurableBody<R> body) {
    return engine.callStep(new DurableCall<>(instance, method, args, body));
  }

  /** The override of a {@code @Transaction} method. */
  public <R> R transaction(DurableMethod<R> method, Object[] args, DurableBody<R> body) {
    return engine.callStep(new DurableCall<>(instance, method, args, body));
  }

  /** A typed starter's method: starts the workflow in the background. */
  public <R> WorkflowHandle<R> start(
      StartOptions options, DurableMethod<R> method, Object[] args, DurableBody<R> body) {
    return engine.start(new DurableCall<>(instance, method, args, body), options);
  }
}
