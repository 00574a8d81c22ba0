package io.dbosj.bench;

import java.time.Instant;

/** W5 for DBOS Transact Java, which proxies an interface: a workflow its scheduler starts. */
public interface PeerTicker {
  /** The workflow's name, for the peer's schedule. */
  String WORKFLOW = "tick";

  void tick(Instant scheduledTime, Object context);
}
