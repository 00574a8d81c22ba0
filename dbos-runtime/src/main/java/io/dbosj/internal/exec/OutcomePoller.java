package io.dbosj.internal.exec;

import io.dbosj.DbosException;
import io.dbosj.SystemDatabaseUnreachableException;
import io.dbosj.internal.db.FinishedWorkflows;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import io.dbosj.internal.lifecycle.Service;
import io.dbosj.internal.lifecycle.ServiceThread;
import io.dbosj.internal.serde.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches workflows until they finish, for any number of waiters on one thread: it reads the rows
 * of every watched ID, {@link FinishedWorkflows#BATCH} to a statement, pausing from 5 ms up to
 * 500 ms while nothing finishes, and reading at once when a watch begins or a watched workflow
 * ends in this process. A watch on an execution under way here takes that execution's outcome as
 * it is. Started by the first watch; stopping fails every watch still waiting, and every later
 * one.
 */
public final class OutcomePoller implements Service {
  private static final Logger log = LoggerFactory.getLogger(OutcomePoller.class);
  private static final long FIRST_PAUSE_MS = 5;
  private static final long LONGEST_PAUSE_MS = 500;

  /** How a watched workflow finished: its execution's outcome here, or else its finished row. */
  record Finished(Outcome<?> local, StatusRow row) {}

  /** One watched ID: its future, and how many waiters still want it. */
  private static final class Watch {
    final CompletableFuture<Finished> future = new CompletableFuture<>();
    int waiters;
  }

  private final FinishedWorkflows finished;
  private final RunningWorkflows running;
  private final String owner;
  private final Map<String, Watch> watched = new HashMap<>();
  private final Object lock = new Object();
  private ServiceThread thread;
  private boolean stopped;
  private boolean woken;
  /** Whether the last read failed: a failing database is logged once, not at every poll. */
  private boolean failing;

  /**
   * {@code running} is {@code null} where nothing executes workflows (a client); {@code owner}
   * names what closing stops this poller, in the error waiters get then ("DBOS", "DBOSClient").
   */
  public OutcomePoller(FinishedWorkflows finished, RunningWorkflows running, String owner) {
    this.finished = finished;
    this.running = running;
    this.owner = owner;
    if (running != null) {
      running.onFinish(this::finishedHere);
    }
  }

  @Override
  public String name() {
    return "outcome poller";
  }

  /**
   * Completes once {@code workflowId} has finished: with {@code execution}'s outcome (or that of
   * the execution under way here) when it ran to the end here, else with its row.
   */
  CompletableFuture<Finished> watch(String workflowId, CompletableFuture<Outcome<?>> execution) {
    CompletableFuture<Outcome<?>> local =
        execution != null ? execution : running == null ? null : running.get(workflowId);
    if (local == null) {
      return polled(workflowId);
    }
    return local.thenCompose(
        outcome ->
            endedHere(outcome)
                ? CompletableFuture.completedFuture(new Finished(outcome, null))
                : polled(workflowId));
  }

  /**
   * Completes once {@code workflowId} has finished; a caller that stops waiting first says so
   * with {@link #release}.
   */
  CompletableFuture<Finished> polled(String workflowId) {
    synchronized (lock) {
      if (stopped) {
        return CompletableFuture.failedFuture(closed(workflowId));
      }
      Watch watch = watched.computeIfAbsent(workflowId, id -> new Watch());
      watch.waiters++;
      if (thread == null) {
        thread = new ServiceThread("dbos-outcome-poller", this::loop);
        thread.start();
      }
      woken = true;
      lock.notifyAll();
      return watch.future;
    }
  }

  /**
   * One waiter on {@code workflowId} no longer waits for {@code future}, got from {@link #polled};
   * nothing changes if that watch has ended (a later one of the same ID is another's).
   */
  void release(String workflowId, CompletableFuture<Finished> future) {
    synchronized (lock) {
      Watch watch = watched.get(workflowId);
      if (watch != null && watch.future == future && --watch.waiters == 0) {
        watched.remove(workflowId);
      }
    }
  }

  /** Whether the execution ran to an outcome here, rather than stopping for another to finish it. */
  static boolean endedHere(Outcome<?> outcome) {
    Throwable error = outcome.error();
    return !(error instanceof ExecutedElsewhere)
        && !(error instanceof DbosShutdownException)
        && !SystemDatabaseUnreachableException.isCauseOf(error);
  }

  /** A watched workflow that ends here has its row read at once, not at the next pause's end. */
  private void finishedHere(String workflowId) {
    synchronized (lock) {
      if (watched.containsKey(workflowId)) {
        woken = true;
        lock.notifyAll();
      }
    }
  }

  private void loop() {
    long pause = FIRST_PAUSE_MS;
    while (!thread.stopping()) {
      List<String> ids;
      synchronized (lock) {
        try {
          while (watched.isEmpty() && !thread.stopping()) {
            lock.wait();
          }
        } catch (InterruptedException e) {
          return;
        }
        woken = false;
        ids = new ArrayList<>(watched.keySet());
      }
      boolean someFinished = !ids.isEmpty() && completeFinished(ids);
      synchronized (lock) {
        pause = someFinished || woken ? FIRST_PAUSE_MS : Math.min(LONGEST_PAUSE_MS, pause * 2);
        try {
          if (!woken) {
            lock.wait(pause);
          }
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Reads which of {@code ids} finished and completes their watches; whether any had. */
  private boolean completeFinished(List<String> ids) {
    List<StatusRow> rows;
    try {
      rows = finished.finished(ids);
    } catch (SystemDatabaseUnreachableException e) {
      return false; // an outage is no workflow's outcome: keep watching through it
    } catch (RuntimeException e) {
      if (!thread.stopping() && !failing) {
        log.warn("could not read the outcomes of {} watched workflow(s); trying again", ids.size(), e);
      }
      failing = true;
      return false;
    }
    failing = false;
    // the earliest finisher first, so a waitFirst that finds several finished takes it
    rows = new ArrayList<>(rows);
    rows.sort(Comparator.comparingLong(StatusRow::updatedAt));
    for (StatusRow row : rows) {
      Watch watch;
      synchronized (lock) {
        watch = watched.remove(row.workflowId());
      }
      if (watch != null) {
        watch.future.complete(new Finished(null, row));
      }
    }
    return !rows.isEmpty();
  }

  private DbosException closed(String workflowId) {
    return new DbosException(
        owner + " was closed before workflow " + workflowId + " finished; wait for it from a running "
            + owner + " or a DBOSClient");
  }

  @Override
  public boolean stop(Duration timeout) throws InterruptedException {
    ServiceThread toStop;
    Map<String, Watch> waiting;
    synchronized (lock) {
      stopped = true;
      toStop = thread;
      waiting = new HashMap<>(watched);
      watched.clear();
    }
    waiting.forEach((id, watch) -> watch.future.completeExceptionally(closed(id)));
    return toStop == null || toStop.stop(timeout);
  }
}
