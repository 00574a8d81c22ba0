package io.dbosj.internal.exec;

/** How a workflow or step ended: a value, or a throwable. */
record Outcome<R>(R value, Throwable error) {
  static <R> Outcome<R> success(R value) {
    return new Outcome<>(value, null);
  }

  static <R> Outcome<R> failure(Throwable error) {
    return new Outcome<>(null, error);
  }

  /** The value, or the throwable rethrown as it is. */
  R get() {
    if (error != null) {
      throw Sneaky.rethrow(error);
    }
    return value;
  }
}
