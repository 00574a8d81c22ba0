package io.dbosj.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** W5: when the body of each scheduled tick started, in ms after its scheduled time. */
final class TickLog {
  private final Map<Instant, List<Double>> starts = new ConcurrentHashMap<>();

  /** Records that the body of the tick scheduled at {@code scheduledTime} starts now. */
  void started(Instant scheduledTime) {
    double late = Duration.between(scheduledTime, Instant.now()).toNanos() / 1e6;
    starts.computeIfAbsent(scheduledTime, t -> new CopyOnWriteArrayList<>()).add(late);
  }

  /** Waits until a first tick's body has started. */
  void awaitFirst(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (starts.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no scheduled tick ran within " + timeout.toSeconds() + " s");
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  /** How late the bodies of the tick scheduled at {@code scheduledTime} started: one per run, none if it was missed. */
  List<Double> starts(Instant scheduledTime) {
    return starts.getOrDefault(scheduledTime, List.of());
  }
}
