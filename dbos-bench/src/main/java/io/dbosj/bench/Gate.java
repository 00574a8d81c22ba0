package io.dbosj.bench;

import java.util.concurrent.CountDownLatch;

/**
 * Holds the first step of the "stuck" workflows of W4 while {@link #closed} (only in the child JVM
 * that is then killed), so they are left {@code PENDING}; after recovery the step just returns.
 */
final class Gate {
  static volatile boolean closed;
  private static final CountDownLatch NEVER = new CountDownLatch(1);

  private Gate() {}

  static String pass() {
    if (closed) {
      try {
        NEVER.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted at the gate", e);
      }
    }
    return "passed";
  }
}
