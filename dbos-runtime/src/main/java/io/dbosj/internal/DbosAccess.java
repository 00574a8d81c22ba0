package io.dbosj.internal;

import io.dbosj.DBOS;
import io.dbosj.internal.exec.WorkflowEngine;
import java.util.function.Function;

/**
 * Lets the runtime's internal packages reach the engine behind a {@link DBOS} without making it
 * public API. {@code DBOS} installs the accessor once, when its class initializes (the JDK's
 * "shared secrets" pattern); nothing else ever changes it.
 */
public final class DbosAccess {
  private static volatile Function<DBOS, WorkflowEngine> accessor;

  private DbosAccess() {}

  /** Called once, by {@code DBOS}'s static initializer. */
  public static void install(Function<DBOS, WorkflowEngine> engineOf) {
    if (accessor != null) {
      throw new IllegalStateException("DbosAccess is installed once, by DBOS");
    }
    accessor = engineOf;
  }

  /** The engine of {@code dbos}. */
  public static WorkflowEngine engine(DBOS dbos) {
    if (dbos == null) {
      throw new NullPointerException("dbos: pass the DBOS instance built with DBOS.builder()");
    }
    return accessor.apply(dbos);
  }
}
