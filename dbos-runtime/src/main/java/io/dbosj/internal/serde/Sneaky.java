package io.dbosj.internal.serde;

/**
 * Rethrows any throwable without wrapping it. A durable method's override passes through exactly
 * the checked exceptions the method declares, and the runtime in between must not change them.
 */
public final class Sneaky {
  private Sneaky() {}

  public static RuntimeException rethrow(Throwable t) {
    throw Sneaky.<RuntimeException>cast(t);
  }

  @SuppressWarnings("unchecked")
  private static <X extends Throwable> X cast(Throwable t) throws X {
    throw (X) t;
  }
}
