package io.dbosj.internal.codegen;

/**
 * The original method body, as generated code hands it to the runtime: {@code () ->
 * super.method(args)}. It may throw whatever the method declares; the runtime rethrows it
 * unchanged.
 */
@FunctionalInterface
public interface DurableBody<R> {
  R run() throws Throwable;
}
