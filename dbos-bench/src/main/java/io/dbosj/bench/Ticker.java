package io.dbosj.bench;

import io.dbosj.annotation.Scheduled;
import io.dbosj.annotation.Workflow;
import java.time.Instant;

/** W5: a workflow scheduled every second, recording when each tick's body ran. */
public class Ticker {
  private final TickLog log;

  Ticker(TickLog log) {
    this.log = log;
  }

  @Workflow
  @Scheduled("* * * * * *")
  public void tick(Instant scheduledTime, Instant actualTime) {
    log.started(scheduledTime);
  }
}
