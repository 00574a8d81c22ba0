package io.dbosj.bench;

import dev.dbos.transact.workflow.Workflow;
import java.time.Instant;

/** DBOS Transact Java's version of {@link Ticker}; its schedules call {@code (Instant, Object)}. */
public class PeerTickerImpl implements PeerTicker {
  private final TickLog log;

  PeerTickerImpl(TickLog log) {
    this.log = log;
  }

  @Workflow
  @Override
  public void tick(Instant scheduledTime, Object context) {
    log.started(scheduledTime);
  }
}
