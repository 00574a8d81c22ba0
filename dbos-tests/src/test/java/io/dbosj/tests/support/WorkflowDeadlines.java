package io.dbosj.tests.support;

import java.sql.SQLException;

/** Reads a workflow's recorded deadline, and waits for the wall clock to pass one. */
public final class WorkflowDeadlines {
  private WorkflowDeadlines() {}

  /** The workflow's {@code workflow_deadline_epoch_ms}, or {@code null} if it has none. */
  public static Long of(TestDatabase db, String workflowId) throws SQLException {
    String value =
        db.value("SELECT workflow_deadline_epoch_ms FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", workflowId);
    return value == null ? null : Long.valueOf(value);
  }

  /** Waits, with a deadline of its own, until the wall clock has passed {@code epochMillis}. */
  public static void awaitClockPast(long epochMillis) throws InterruptedException {
    long giveUp = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() <= epochMillis) {
      if (System.currentTimeMillis() > giveUp) {
        throw new AssertionError("the clock did not pass " + epochMillis);
      }
      Thread.sleep(Math.max(1, epochMillis - System.currentTimeMillis() + 1));
    }
  }
}
