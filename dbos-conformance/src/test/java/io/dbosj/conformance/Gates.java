package io.dbosj.conformance;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Named gates a test opens to let a held workflow step finish. */
public final class Gates {
  private final ConcurrentHashMap<String, CountDownLatch> gates = new ConcurrentHashMap<>();

  void await(String name) throws InterruptedException {
    // longer than any test class runs: a gate left shut shows as a stuck workflow, not a failed step
    if (!gate(name).await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("gate " + name + " was never opened");
    }
  }

  public void open(String name) {
    gate(name).countDown();
  }

  public void openAll() {
    gates.values().forEach(CountDownLatch::countDown);
  }

  private CountDownLatch gate(String name) {
    return gates.computeIfAbsent(name, n -> new CountDownLatch(1));
  }
}
