package io.dbosj.bench;

import io.dbosj.annotation.Scheduled;
import io.dbosj.annotation.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** W5: a workflow scheduled every second, recording when each tick's body ran. */
public class Ticker {
  /** Scheduled time to the times its body started, in ms after the scheduled time. */
  static final Map<Instant, java.util.List<Double>> RUNS = new ConcurrentHashMap<>();

  @Workflow
  @Scheduled("* * * * * *")
  public void tick(Instant scheduledTime, Instant actualTime) {
    double late = Duration.between(scheduledTime, Instant.now()).toNanos() / 1e6;
    RUNS.computeIfAbsent(scheduledTime, t -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(late);
  }
}
