package io.dbosj.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Records a fork as one transaction: the new workflow's row, {@code ENQUEUED} to be started by
 * a queue runner, and the copies of the original's steps before the fork point (with the stream
 * values and events those steps wrote), so a crash leaves
 * either the whole fork or nothing. Transactions recorded in a separate application database are
 * copied first (a record the fork already has is kept): a crash then leaves only records of a
 * workflow that does not exist, and the same fork made again finds them in place.
 */
public final class WorkflowForks {
  private final SystemDatabase systemDb;
  private final WorkflowStore workflows;
  private final StepStore steps;
  private final TransactionOutputStore transactions;

  public WorkflowForks(
      SystemDatabase systemDb, WorkflowStore workflows, StepStore steps, TransactionOutputStore transactions) {
    this.systemDb = systemDb;
    this.workflows = workflows;
    this.steps = steps;
    this.transactions = transactions;
  }

  /**
   * Records {@code fork} (its status {@code ENQUEUED}) with the operations of {@code original}
   * numbered below {@code startStep}. Returns the row already recorded under the fork's ID, and
   * changes nothing, if there is one.
   */
  public Optional<StatusRow> record(NewWorkflow fork, String original, int startStep) {
    boolean oneDatabase = transactions.database() == systemDb;
    if (!oneDatabase) {
      Optional<StatusRow> existing = workflows.find(fork.workflowId());
      if (existing.isPresent()) {
        return existing;
      }
      transactions.copy(original, fork.workflowId(), startStep);
    }
    boolean inserted =
        systemDb.inTransaction(
            c -> {
              if (!workflows.insert(c, fork)) {
                return false;
              }
              steps.copy(c, original, fork.workflowId(), startStep);
              copyCommunication(c, original, fork.workflowId(), startStep);
              workflows.markForkedFrom(c, original);
              if (oneDatabase) {
                transactions.copy(c, original, fork.workflowId(), startStep);
              }
              return true;
            });
    return inserted ? Optional.empty() : Optional.of(workflows.find(fork.workflowId()).orElseThrow());
  }

  /** The stream values and events the original's operations before {@code startStep} wrote, now the fork's too. */
  private void copyCommunication(Connection c, String original, String fork, int startStep) throws SQLException {
    SystemSql.Messaging sql = systemDb.sql().messaging();
    for (String copy : new String[] {sql.copyStreamValues(), sql.copyEventHistory()}) {
      try (PreparedStatement s = c.prepareStatement(copy)) {
        Jdbc.bind(s, fork, original, startStep);
        s.executeUpdate();
      }
    }
    try (PreparedStatement s = c.prepareStatement(sql.copyLatestEvents())) {
      Jdbc.bind(s, fork);
      s.executeUpdate();
    }
  }
}
