package io.dbosj.internal.runtime;

/**
 * The superclass of {@code io.dbosj.DBOS}, not API: it carries the runtime behind a {@code DBOS}
 * to the generated classes' registration ({@link DurableObject#register}) through a
 * package-private accessor, so no internal class ever names {@code DBOS}, nothing public exposes
 * the runtime, and no static state is needed to find it.
 */
public abstract class RuntimeHolder {
  private final DbosRuntime runtime;

  protected RuntimeHolder(DbosRuntime runtime) {
    this.runtime = runtime;
  }

  final DbosRuntime runtime() {
    return runtime;
  }
}
