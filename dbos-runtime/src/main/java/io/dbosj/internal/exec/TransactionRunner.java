package io.dbosj.internal.exec;

import io.dbosj.DbosException;
import io.dbosj.DeterminismException;
import io.dbosj.annotation.Isolation;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.db.OutageRetry;
import io.dbosj.internal.db.StepRecord;
import io.dbosj.internal.db.StepStore;
import io.dbosj.internal.db.TransactionOutputStore;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import io.dbosj.internal.serde.JsonCodec;
import io.dbosj.internal.serde.Outcome;
import io.dbosj.internal.serde.OutcomeCodec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code @Transaction} methods in a transaction of the application database. Inside a
 * workflow the outcome is recorded in {@code transaction_outputs} within that same transaction,
 * and a transaction already recorded is replayed, not run: its effects happen exactly once.
 * Serialization failures and deadlocks roll back and retry with backoff; any other exception
 * rolls back the user's writes, is recorded, and is rethrown.
 *
 * <p>The outcome is also listed in {@code operation_outputs} as a step, so every listing of the
 * workflow's steps (DBOS's tools too) shows it. When the application database is the system
 * database the listing commits with the transaction; otherwise it is written as a step outcome
 * is, with the next operation (see {@link WorkflowContext}). {@code transaction_outputs} stays
 * what decides whether the SQL ran: a listing lost to a crash is written when the replay finds
 * the transaction recorded there.
 */
final class TransactionRunner {
  private static final Logger log = LoggerFactory.getLogger(TransactionRunner.class);
  private static final int MAX_ATTEMPTS = 10;

  private final TransactionOutputStore store;
  private final StepStore steps;
  private final boolean listedInTransaction;
  private final OutcomeCodec outcomes;
  private final String executorId;

  /**
   * @param steps the system database's {@code operation_outputs}
   * @param listedInTransaction whether {@code store}'s database is the system database, so the
   *     listing row can commit with the transaction
   */
  TransactionRunner(
      TransactionOutputStore store, StepStore steps, boolean listedInTransaction, OutcomeCodec outcomes,
      String executorId) {
    this.store = store;
    this.steps = steps;
    this.listedInTransaction = listedInTransaction;
    this.outcomes = outcomes;
    this.executorId = executorId;
  }

  /** A transaction called inside a workflow: which operation of it, and when it began. */
  private record Operation(WorkflowContext context, int functionId, long startedAt) {
    String workflowId() {
      return context.workflowId();
    }

    StepRecord listing(String functionName, String output, String error, long startedAt, long completedAt) {
      return new StepRecord(workflowId(), functionId, functionName, output, error, null, startedAt, completedAt);
    }
  }

  /** Inside a workflow: recorded, replayed if recorded already. */
  <R> R runRecorded(WorkflowContext context, DurableCall<R> call) {
    int functionId = context.beginOperation();
    StepRecord listed = context.recorded(functionId);
    if (listed != null) {
      return replayListed(context, functionId, listed, call.method());
    }
    return run(new Operation(context, functionId, now()), call);
  }

  /** Outside a workflow, or inside a step: a plain transaction, nothing recorded. */
  <R> R runUnrecorded(DurableCall<R> call) {
    return run(null, call);
  }

  /**
   * Runs the transaction, again from the start after a lost connection, for as long as the
   * system database's retry limit allows: its writes were rolled back, or, if the commit went
   * through unanswered, the next attempt finds its checkpoint and replays it.
   */
  private <R> R run(Operation op, DurableCall<R> call) {
    try {
      return store.database().retry().run(() -> attempt(op, call));
    } catch (SQLException e) {
      throw new DbosException("transaction " + call.label() + " failed: " + e.getMessage(), e);
    }
  }

  private <R> R attempt(Operation op, DurableCall<R> call) {
    DurableMethod<R> method = call.method();
    for (int attempt = 1; ; attempt++) {
      try (Connection c = store.database().openPooledConnection()) {
        configure(c, method.transactionOptions());
        try {
          if (op != null) {
            Optional<TransactionOutputStore.Recorded> recorded = store.find(c, op.workflowId(), op.functionId());
            if (recorded.isPresent()) {
              c.commit();
              return replay(c, op, recorded.get(), method);
            }
          }
          OutcomeCodec.Encoded<R> encoded =
              outcomes.encode("transaction " + call.label(), method.returnType(), runBody(op, call, c));
          Outcome<R> outcome = encoded.outcome();
          if (outcome.error() != null) {
            c.rollback();
            if (isRetryable(outcome.error()) && attempt < MAX_ATTEMPTS) {
              backOff(call, attempt, outcome.error());
              continue;
            }
            if (OutageRetry.isConnectionFailure(outcome.error())) {
              // the connection was lost, not the user's code at fault: run it again, record nothing
              throw new DbosException("transaction " + call.label() + " lost its connection", outcome.error());
            }
            if (op != null) {
              // the user's writes are rolled back; the error is recorded in a transaction of its own
              c.setReadOnly(false);
              return recordThenCommit(c, op, method, null, encoded.error(), outcome);
            }
            return outcome.get();
          }
          if (op == null) {
            c.commit();
            return outcome.value();
          }
          if (method.transactionOptions().readOnly()) {
            c.commit(); // what it read is all it did: the record needs no part in its transaction
            if (store.database().isPostgres()) {
              c.setReadOnly(false);
            }
          }
          return recordThenCommit(c, op, method, encoded.output(), null, outcome);
        } catch (SQLException e) {
          rollbackQuietly(c, e);
          if (isRetryable(e) && attempt < MAX_ATTEMPTS) {
            backOff(call, attempt, e);
            continue;
          }
          throw new DbosException("transaction " + call.label() + " failed: " + e.getMessage(), e);
        }
      } catch (SQLException e) {
        throw new DbosException("cannot run transaction " + call.label() + ": " + e.getMessage(), e);
      }
    }
  }

  private <R> Outcome<R> runBody(Operation op, DurableCall<R> call, Connection c) {
    ActiveTransaction previous =
        CurrentContext.enterTransaction(new ActiveTransaction(c, store.database().dsl(c)));
    if (op != null) {
      op.context().enterStep(call.method().name(), op.functionId());
    }
    try {
      return Outcome.success(call.body().run());
    } catch (Throwable t) {
      return Outcome.failure(t);
    } finally {
      if (op != null) {
        op.context().exitStep();
      }
      CurrentContext.restoreTransaction(previous);
    }
  }

  /**
   * Records the outcome in the transaction on {@code c} and commits it, with its listing when
   * that shares the database; returns (or rethrows) the outcome, or the one another execution
   * recorded first. Only once committed is a listing for another database held to be written.
   */
  private <R> R recordThenCommit(
      Connection c, Operation op, DurableMethod<R> method, String output, String error, Outcome<R> outcome)
      throws SQLException {
    long now = now();
    if (!store.record(c, op.workflowId(), op.functionId(), method.name(), output, error, executorId, now)) {
      c.rollback();
      TransactionOutputStore.Recorded recorded = store.find(c, op.workflowId(), op.functionId()).orElseThrow();
      c.commit();
      return replay(c, op, recorded, method);
    }
    StepRecord listing = op.listing(method.name(), output, error, op.startedAt(), now);
    if (listedInTransaction && !steps.insert(c, listing)) {
      // the workflow is no longer pending (cancelled, say): its transaction does not happen
      c.rollback();
      throw op.context().checkpointer().yieldTo(listing);
    }
    c.commit();
    if (!listedInTransaction) {
      op.context().holdUnwritten(listing);
    }
    return outcome.get();
  }

  /**
   * A transaction recorded in {@code transaction_outputs}: listed if it is not, then replayed.
   * Sharing the system database, it is listed at once, on {@code c} (a transaction committed
   * before answering is listed already, by the same commit, and keeps that row); otherwise its
   * listing waits for the next operation, as a step's outcome does.
   */
  private <R> R replay(Connection c, Operation op, TransactionOutputStore.Recorded recorded, DurableMethod<R> method)
      throws SQLException {
    if (!recorded.functionName().equals(method.name())) {
      throw new DeterminismException(op.workflowId(), op.functionId(), recorded.functionName(), method.name());
    }
    long committedAt = recorded.createdAt(); // when it started is not recorded
    StepRecord listing = op.listing(recorded.functionName(), recorded.output(), recorded.error(), committedAt, committedAt);
    if (listedInTransaction) {
      if (store.database().isPostgres()) {
        c.setReadOnly(false);
      }
      // changes nothing if it is listed, or if the workflow stopped: its next operation says so
      steps.insert(c, listing);
      c.commit();
    } else {
      op.context().holdUnwritten(listing);
    }
    // transaction_outputs has no serialization column: only this project writes it, and its
    // records of every version read as portable_json (plain values; errors naming className)
    return outcomes.decode(op.workflowId(), method, JsonCodec.FORMAT, recorded.output(), recorded.error()).get();
  }

  /** A transaction listed in {@code operation_outputs}: replayed from there, without a query. */
  private <R> R replayListed(WorkflowContext context, int functionId, StepRecord listed, DurableMethod<R> method) {
    if (!listed.functionName().equals(method.name()) || listed.childWorkflowId() != null) {
      throw new DeterminismException(context.workflowId(), functionId, listed.functionName(), method.name());
    }
    return outcomes
        .decodeStep(context.workflowId(), functionId, method, listed.serialization(), listed.output(), listed.error())
        .get();
  }

  private static void rollbackQuietly(Connection c, SQLException cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private void configure(Connection c, DurableMethod.TransactionOptions options) throws SQLException {
    c.setAutoCommit(false);
    if (!store.database().isPostgres()) {
      return; // SQLite transactions are always serializable, and read-only is fixed at connect time
    }
    if (options.isolation() != Isolation.DEFAULT) {
      c.setTransactionIsolation(
          switch (options.isolation()) {
            case READ_COMMITTED -> Connection.TRANSACTION_READ_COMMITTED;
            case REPEATABLE_READ -> Connection.TRANSACTION_REPEATABLE_READ;
            case SERIALIZABLE -> Connection.TRANSACTION_SERIALIZABLE;
            case DEFAULT -> c.getTransactionIsolation();
          });
    }
    c.setReadOnly(options.readOnly());
  }

  /** A serialization failure or deadlock (PostgreSQL), or a busy database (SQLite). */
  static boolean isRetryable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state)) {
          return true;
        }
        String message = String.valueOf(sql.getMessage());
        if (message.contains("SQLITE_BUSY") || message.contains("database is locked")) {
          return true;
        }
      }
    }
    return false;
  }

  private static void backOff(DurableCall<?> call, int attempt, Throwable cause) {
    long millis = Math.min(1_000, 10L << Math.min(attempt, 6)) + ThreadLocalRandom.current().nextLong(10);
    log.info("transaction {} conflicted (attempt {}), retrying in {} ms: {}", call.label(), attempt, millis, cause.toString());
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DbosShutdownException();
    }
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
