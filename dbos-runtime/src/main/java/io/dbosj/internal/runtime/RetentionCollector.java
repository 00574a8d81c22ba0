package io.dbosj.internal.runtime;

import io.dbosj.Retention;
import io.dbosj.SystemDatabaseUnreachableException;
import io.dbosj.internal.exec.WorkflowRetention;
import io.dbosj.internal.lifecycle.ClockSleep;
import io.dbosj.internal.lifecycle.Service;
import io.dbosj.internal.lifecycle.ServiceThread;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link Retention}: collects at launch, then each time its interval has passed on the
 * clock given (a test's clock moved past it collects at once, see {@link ClockSleep}).
 */
final class RetentionCollector implements Service {
  private static final Logger log = LoggerFactory.getLogger(RetentionCollector.class);

  private final Retention retention;
  private final WorkflowRetention workflows;
  private final Clock clock;
  private final ClockSleep sleep;
  private final ServiceThread thread = new ServiceThread("dbos-retention", this::loop);

  RetentionCollector(Retention retention, WorkflowRetention workflows, Clock clock) {
    this.retention = retention;
    this.workflows = workflows;
    this.clock = clock;
    this.sleep = new ClockSleep(clock);
  }

  @Override
  public String name() {
    return "retention";
  }

  @Override
  public void start() {
    thread.start();
  }

  @Override
  public boolean stop(Duration timeout) throws InterruptedException {
    return thread.stop(timeout);
  }

  private void loop() {
    Instant next = clock.instant();
    while (!thread.stopping()) {
      try {
        if (!sleep.reached(next)) {
          continue;
        }
      } catch (InterruptedException e) {
        return;
      }
      collect(clock.instant());
      next = clock.instant().plus(retention.interval());
    }
  }

  private void collect(Instant now) {
    Instant cutoff = retention.maxAge() == null ? null : now.minus(retention.maxAge());
    try {
      long deleted = workflows.garbageCollect(cutoff, retention.maxWorkflows());
      if (deleted > 0) {
        log.info("retention deleted {} finished workflow(s) ({})", deleted, retention);
      }
    } catch (RuntimeException e) {
      if (thread.stopping()) {
        return;
      }
      if (SystemDatabaseUnreachableException.isCauseOf(e)) {
        log.warn("retention could not collect: the system database is unreachable; trying again in {}", retention.interval());
      } else {
        log.warn("retention could not collect; trying again in {}", retention.interval(), e);
      }
    }
  }
}
