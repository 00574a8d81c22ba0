package io.dbosj.internal.lifecycle;

import java.time.Duration;

/**
 * A part of the runtime that owns a thread, a pool or a connection: it starts once, and stops
 * once, releasing what it owns. {@link Services} starts them in order and stops them in reverse.
 */
public interface Service {
  /** How the service is named in logs and warnings, e.g. {@code "queue runner"}. */
  String name();

  /** Starts the service's threads. Called at most once; the default does nothing. */
  default void start() {}

  /**
   * Asks the service to stop and waits up to {@code timeout} for what it owns to end.
   *
   * @return whether everything it owns had ended within the timeout
   * @throws InterruptedException if the caller was interrupted while waiting
   */
  boolean stop(Duration timeout) throws InterruptedException;
}
