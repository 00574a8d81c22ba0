package io.dbosj.faults;

import io.dbosj.annotation.Scheduled;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.time.Instant;

/**
 * The shared-executor-ID scenario's app, as the tutorial would be started twice: an every-second
 * schedule and slow step chains, each effect in the ledger under the process's pid.
 */
public class TickingApp {
  private final Ledger ledger;
  private final int stepMillis;

  public TickingApp(Ledger ledger, int stepMillis) {
    this.ledger = ledger;
    this.stepMillis = stepMillis;
  }

  @Step
  public String effect(String key) throws InterruptedException {
    Thread.sleep(stepMillis);
    return ledger.record(key);
  }

  @Step
  public String tickEffect(String key) {
    return ledger.record(key);
  }

  @Workflow
  @Scheduled("* * * * * *")
  public void everySecond(Instant scheduledTime, Instant actualTime) {
    tickEffect("tick/" + scheduledTime);
  }

  @Workflow
  public String chain(String id, int steps) throws InterruptedException {
    StringBuilder tokens = new StringBuilder();
    for (int i = 0; i < steps; i++) {
      tokens.append(effect(id + "/" + i)).append(' ');
    }
    return tokens.toString();
  }
}
