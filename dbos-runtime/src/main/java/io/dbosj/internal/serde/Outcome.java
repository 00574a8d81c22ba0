package io.dbosj.internal.serde;

/** How a workflow or step ended: a value, or a throwable. */
public record Outcome<R>(R value, Throwable error) {
  public static <R> Outcome<R> success(R value) {
    return new Outcome<>(value, null);
  }

  public static <R> Outcome<R> failure(Throwable error) {
    return new Outcome<>(null, error);
  }

  /** The value, or the throwable rethrown as it is. */
  public R get() {
    if (error != null) {
      throw Sneaky.rethrow(error);
    }
    return value;
  }

  /** This outcome seen as another result type: for failures, and for callers that know better. */
  @SuppressWarnings("unchecked")
  public <T> Outcome<T> cast() {
    return (Outcome<T>) this;
  }
}
