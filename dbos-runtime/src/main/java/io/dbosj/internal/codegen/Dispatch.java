package io.dbosj.internal.codegen;

/**
 * One row of a generated dispatch table: calls a durable method of {@code T} with arguments read
 * back from the system database. Written by the processor as {@code (self, args) ->
 * self.method((String) args[0])}.
 */
@FunctionalInterface
public interface Dispatch<T> {
  void call(T self, Object[] args) throws Throwable;
}
