package io.dbosj.internal.runtime;

import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.internal.codegen.DurableBody;
import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.exec.CallRouter;
import io.dbosj.internal.exec.DurableCall;
import io.dbosj.internal.exec.RegisteredInstance;

/**
 * One registered instance of a generated {@code XxxDurable} class, and the door through which its
 * overrides reach the runtime. Each override hands over its descriptor, its arguments and its
 * original body; what happens then depends on where the call is made: run as a workflow, run as a
 * recorded step of the current workflow, or recorded to be started or enqueued later.
 */
public final class DurableObject {
  private final CallRouter router;
  private final RegisteredInstance<?> instance;

  private DurableObject(CallRouter router, RegisteredInstance<?> instance) {
    this.router = router;
    this.instance = instance;
  }

  /**
   * Registers {@code self} with {@code dbos} (a {@code DBOS}) under {@code instanceName} ({@code
   * ""} for the default instance). Fails if {@code dbos} is already launched or the name is taken.
   */
  public static <T> DurableObject register(
      RuntimeHolder dbos, T self, DurableClass<T> type, String instanceName) {
    if (dbos == null) {
      throw new NullPointerException("dbos: pass the DBOS instance built with DBOS.builder()");
    }
    DbosRuntime runtime = dbos.runtime();
    return new DurableObject(runtime.router(), runtime.registry().register(self, type, instanceName));
  }

  /** The override of a {@code @Workflow} method. */
  public <R> R workflow(DurableMethod<R> method, Object[] args, DurableBody<R> body) {
    return router.callWorkflow(new DurableCall<>(instance, method, args, body));
  }

  /** The override of a {@code @Step} method. */
  public <R> R step(DurableMethod<R> method, Object[] args, DurableBody<R> body) {
    return router.callStep(new DurableCall<>(instance, method, args, body));
  }

  /** The override of a {@code @Transaction} method. */
  public <R> R transaction(DurableMethod<R> method, Object[] args, DurableBody<R> body) {
    return router.callStep(new DurableCall<>(instance, method, args, body));
  }

  /** A typed starter's method: starts the workflow in the background. */
  public <R> WorkflowHandle<R> start(
      StartOptions options, DurableMethod<R> method, Object[] args, DurableBody<R> body) {
    return router.start(new DurableCall<>(instance, method, args, body), options);
  }
}
