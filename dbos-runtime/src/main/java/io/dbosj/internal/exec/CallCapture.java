package io.dbosj.internal.exec;

import io.dbosj.DbosException;

/**
 * Catches the one durable call made inside {@code DBOS.startWorkflow(() -> greet(), options)}, or
 * by a dispatch during recovery, so that it can be started under the runtime's terms instead of
 * running on the spot.
 */
final class CallCapture {
  private DurableCall<?> call;

  void record(DurableCall<?> captured) {
    if (call != null) {
      throw new DbosException(
          "the lambda given to DBOS.startWorkflow called both "
              + call.label()
              + " and "
              + captured.label()
              + "; it must call exactly one @Workflow or @Step method, e.g. () -> process(order)");
    }
    call = captured;
  }

  DurableCall<?> call() {
    return call;
  }
}
