package io.dbosj.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.internal.lifecycle.ShutdownFlag;
import io.dbosj.internal.serde.Outcome;
import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A handle of a workflow enqueued here is promised its outcome: the execution that runs it to its
 * end here completes the promise, so the handle needs no read of the row; an execution that stops
 * for another to finish does not; and a promise no handle holds any more is let go.
 */
class PromisedOutcomeTest {
  private final RunningWorkflows running = new RunningWorkflows();

  @Test
  void anExecutionThatEndsHereCompletesThePromiseAndTheWaiterTakesItWithoutReadingTheRow() {
    CompletableFuture<Outcome<?>> promised = running.promise("wf-1");
    CompletableFuture<Outcome<?>> mine = new CompletableFuture<>();
    assertThat(running.claim("wf-1", mine)).isNull();

    running.finish("wf-1", mine, Outcome.success("done"));

    // no store at all: a read of the row would fail
    OutcomeWaiter waiter = new OutcomeWaiter(running, null, null, new ShutdownFlag(), null);
    Outcome<String> outcome = waiter.await("wf-1", null, null, promised);
    assertThat(outcome.value()).isEqualTo("done");
    assertThat(running.promised()).isZero();
  }

  @Test
  void anExecutionThatStopsForAnotherProcessLeavesThePromiseOpen() {
    CompletableFuture<Outcome<?>> promised = running.promise("wf-2");
    CompletableFuture<Outcome<?>> mine = new CompletableFuture<>();
    running.claim("wf-2", mine);

    running.finish("wf-2", mine, Outcome.failure(new ExecutedElsewhere()));

    assertThat(promised).isNotDone();
    assertThat(running.promised()).isEqualTo(1);
  }

  @Test
  void handlesOfOneWorkflowShareItsPromise() {
    CompletableFuture<Outcome<?>> first = running.promise("wf-3");
    assertThat(running.promise("wf-3")).isSameAs(first);
    assertThat(running.promised()).isEqualTo(1);
  }

  @Test
  void aPromiseNoHandleHoldsIsLetGo() throws Exception {
    WeakReference<CompletableFuture<Outcome<?>>> dropped = new WeakReference<>(running.promise("wf-4"));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (dropped.get() != null && System.nanoTime() < deadline) {
      System.gc();
      Thread.onSpinWait();
    }
    assertThat(dropped.get()).as("the promise was collected").isNull();

    CompletableFuture<Outcome<?>> kept = running.promise("wf-5");
    while (running.promised() > 1 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      running.promise("wf-5"); // each call lets go of the promises collected by then
    }
    assertThat(running.promised()).isEqualTo(1);
    assertThat(running.promise("wf-5")).isSameAs(kept);
  }
}
