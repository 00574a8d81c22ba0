package io.dbosj.internal.lifecycle;

/**
 * Whether the runtime is closing, shared by every part that must stop starting work once it
 * is: set once by {@code close()}, never cleared.
 */
public final class ShutdownFlag {
  private volatile boolean set;

  public void set() {
    set = true;
  }

  public boolean isSet() {
    return set;
  }

  /** Throws {@link DbosShutdownException} once the runtime is closing. */
  public void throwIfSet() {
    if (set) {
      throw new DbosShutdownException();
    }
  }
}
