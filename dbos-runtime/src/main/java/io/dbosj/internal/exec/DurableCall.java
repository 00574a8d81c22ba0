package io.dbosj.internal.exec;

import io.dbosj.internal.codegen.DurableBody;
import io.dbosj.internal.codegen.DurableMethod;

/** One call of a durable method: on which object, which method, with what, and its body. */
public record DurableCall<R>(
    RegisteredInstance<?> instance, DurableMethod<R> method, Object[] args, DurableBody<R> body) {

  /** {@code Class.method}, for messages. */
  public String label() {
    String className = instance.className();
    return className.substring(className.lastIndexOf('.') + 1) + "." + method.name();
  }
}
