package io.dbosj.internal.exec;

import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.lifecycle.Service;
import io.dbosj.internal.lifecycle.ServiceThread;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a cancel made elsewhere (a {@code DBOSClient}, the CLI, another process, DBOS's own
 * tools: anything that only sets the status) to the workflows executing here: every interval,
 * while any executes, it reads which of them are {@code CANCELLED} (one primary-key query per 32
 * workflows) and signals them as a cancel made here would. Nothing is read while none executes.
 */
public final class CancelledElsewhereWatch implements Service {
  private static final Logger log = LoggerFactory.getLogger(CancelledElsewhereWatch.class);

  /** How often the statuses are read: the longest a cancel made elsewhere takes to arrive, plus a query. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

  private final WorkflowStore workflows;
  private final CancelSignals signals;
  private final ServiceThread thread;
  private boolean failing;

  public CancelledElsewhereWatch(WorkflowStore workflows, CancelSignals signals, Duration interval, String executorId) {
    this.workflows = workflows;
    this.signals = signals;
    this.thread = ServiceThread.every("dbos-cancel-watch-" + executorId, interval, this::lookOnce);
  }

  @Override
  public String name() {
    return "cancel watch";
  }

  @Override
  public void start() {
    thread.start();
  }

  private void lookOnce() {
    List<String> executing = signals.notCancelled();
    if (!executing.isEmpty()) {
      look(executing);
    }
  }

  private void look(List<String> executing) {
    try {
      List<String> cancelled = workflows.cancelledAmong(executing);
      if (!cancelled.isEmpty()) {
        log.info("cancelled elsewhere, stopping here: {}", cancelled);
        signals.cancelledElsewhere(cancelled);
      }
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        log.warn("cannot read whether the workflows running here were cancelled elsewhere: {}", e.toString());
      }
    }
  }

  @Override
  public boolean stop(Duration timeout) throws InterruptedException {
    return thread.stop(timeout);
  }
}
