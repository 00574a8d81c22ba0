package io.dbosj.internal.recovery;

import io.dbosj.internal.db.ExecutorStore;
import io.dbosj.internal.db.RunnableScope;
import io.dbosj.internal.lifecycle.Service;
import io.dbosj.internal.lifecycle.ServiceThread;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks, every period, for executors whose heartbeat lapsed past the lease while they still own
 * {@code PENDING} workflows, claims each one (one conditional update: of several live processes
 * exactly one wins) and recovers its workflows here: queued ones go back on their queue, so they
 * stop counting against its limits, the others restart from their last recorded step.
 */
public final class ExecutorTakeover implements Service {
  private static final Logger log = LoggerFactory.getLogger(ExecutorTakeover.class);

  private final ExecutorStore store;
  private final WorkflowRecovery recovery;
  private final String self;
  private final RunnableScope scope;
  private final Duration lease;
  private final ServiceThread thread;
  private boolean failing;

  public ExecutorTakeover(
      ExecutorStore store, WorkflowRecovery recovery, String self, RunnableScope scope, Duration period,
      Duration lease) {
    this.store = store;
    this.recovery = recovery;
    this.self = self;
    this.scope = scope;
    this.lease = lease;
    this.thread = ServiceThread.every("dbos-takeover-" + self, period, this::lookForLapsed);
  }

  @Override
  public String name() {
    return "executor takeover";
  }

  @Override
  public void start() {
    thread.start();
  }

  private void lookForLapsed() {
    try {
      takeOverLapsed();
      if (failing) {
        failing = false;
        log.info("looking for lapsed executors works again");
      }
    } catch (RuntimeException e) {
      if (!thread.stopping() && !failing) {
        failing = true;
        log.warn("cannot look for lapsed executors: {}", e.toString());
      }
    }
  }

  /** Claims and recovers the work of every lapsed executor; returns the workflow IDs recovered. */
  List<String> takeOverLapsed() {
    long now = System.currentTimeMillis();
    long lapsedBefore = now - lease.toMillis();
    List<String> recovered = new java.util.ArrayList<>();
    for (String lapsed : store.lapsed(self, lapsedBefore, scope)) {
      List<String> claimed = store.claim(lapsed, self, now, lapsedBefore, scope);
      if (!claimed.isEmpty()) {
        log.info(
            "executor {} missed its heartbeat for longer than {} s: took over its {} pending workflow(s)",
            lapsed, lease.toSeconds(), claimed.size());
        recovered.addAll(recovery.recoverClaimed(claimed));
      }
    }
    return recovered;
  }

  @Override
  public boolean stop(Duration timeout) throws InterruptedException {
    return thread.stop(timeout);
  }
}
