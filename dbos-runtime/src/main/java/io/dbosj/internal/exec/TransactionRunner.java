package io.dbosj.internal.exec;

import io.dbosj.DbosException;
import io.dbosj.DeterminismException;
import io.dbosj.annotation.Isolation;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.db.StepRecord;
import io.dbosj.internal.db.OutageRetry;
import io.dbosj.internal.db.TransactionOutputStore;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import io.dbosj.internal.serde.JsonCodec;
import io.dbosj.internal.serde.Outcome;
import io.dbosj.internal.serde.OutcomeCodec;
import io.dbosj.internal.serde.Sneaky;
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
 */
final class TransactionRunner {
  private static final Logger log = LoggerFactory.getLogger(TransactionRunner.class);
  private static final int MAX_ATTEMPTS = 10;

  private final TransactionOutputStore store;
  private final OutcomeCodec outcomes;
  private final String executorId;

  TransactionRunner(TransactionOutputStore store, OutcomeCodec outcomes, String executorId) {
    this.store = store;
    this.outcomes = outcomes;
    this.executorId = executorId;
  }

  /** Inside a workflow: recorded, replayed if recorded already. */
  <R> R runRecorded(WorkflowContext context, DurableCall<R> call) {
    int functionId = context.beginOperation();
    StepRecord step = context.recorded(functionId);
    if (step != null) {
      throw new DeterminismException(
          context.workflowId(), functionId, step.functionName(), call.method().name());
    }
    return run(context, functionId, call);
  }

  /** Outside a workflow, or inside a step: a plain transaction, nothing recorded. */
  <R> R runUnrecorded(DurableCall<R> call) {
    return run(null, -1, call);
  }

  /**
   * Runs the transaction, again from the start after a lost connection, for as long as the
   * system database's retry limit allows: its writes were rolled back, or, if the commit went
   * through unanswered, the next attempt finds its checkpoint and replays it.
   */
  private <R> R run(WorkflowContext context, int functionId, DurableCall<R> call) {
    try {
      return store.database().retry().run(() -> attempt(context, functionId, call));
    } catch (SQLException e) {
      throw new DbosException("transaction " + call.label() + " failed: " + e.getMessage(), e);
    }
  }

  private <R> R attempt(WorkflowContext context, int functionId, DurableCall<R> call) {
    DurableMethod<R> method = call.method();
    for (int attempt = 1; ; attempt++) {
      try (Connection c = store.database().openPooledConnection()) {
        configure(c, method.transactionOptions());
        try {
          if (context != null) {
            Optional<TransactionOutputStore.Recorded> recorded =
                store.find(c, context.workflowId(), functionId);
            if (recorded.isPresent()) {
              c.commit();
              return replay(context, functionId, recorded.get(), method);
            }
          }
          OutcomeCodec.Encoded<R> encoded =
              outcomes.encode("transaction " + call.label(), method.returnType(), runBody(context, call, c));
          Outcome<R> outcome = encoded.outcome();
          String output = encoded.output();
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
            if (context != null) {
              return recordError(c, context, functionId, method, outcome.error(), encoded.error());
            }
            return outcome.get();
          }
          if (context == null) {
            c.commit();
            return outcome.value();
          }
          if (method.transactionOptions().readOnly()) {
            c.commit();
            return recordAfterReadOnly(c, context, functionId, method, outcome.value(), output);
          }
          if (!store.record(c, context.workflowId(), functionId, method.name(), output, null, executorId, now())) {
            c.rollback();
            return replay(context, functionId, store.find(c, context.workflowId(), functionId).orElseThrow(), method);
          }
          c.commit();
          return outcome.value();
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

  private <R> Outcome<R> runBody(WorkflowContext context, DurableCall<R> call, Connection c) {
    ActiveTransaction previous =
        CurrentContext.enterTransaction(new ActiveTransaction(c, store.database().dsl(c)));
    if (context != null) {
      context.enterStep(call.method().name());
    }
    try {
      return Outcome.success(call.body().run());
    } catch (Throwable t) {
      return Outcome.failure(t);
    } finally {
      if (context != null) {
        context.exitStep();
      }
      CurrentContext.restoreTransaction(previous);
    }
  }

  /** The user's writes are rolled back; the error is recorded in a transaction of its own. */
  private <R> R recordError(
      Connection c, WorkflowContext context, int functionId, DurableMethod<R> method, Throwable error,
      String recorded)
      throws SQLException {
    c.setReadOnly(false);
    if (!store.record(c, context.workflowId(), functionId, method.name(), null, recorded, executorId, now())) {
      c.rollback();
      return replay(context, functionId, store.find(c, context.workflowId(), functionId).orElseThrow(), method);
    }
    c.commit();
    throw Sneaky.rethrow(error);
  }

  private <R> R recordAfterReadOnly(
      Connection c, WorkflowContext context, int functionId, DurableMethod<R> method, R value, String output)
      throws SQLException {
    if (store.database().isPostgres()) {
      c.setReadOnly(false);
    }
    boolean recorded = store.record(c, context.workflowId(), functionId, method.name(), output, null, executorId, now());
    c.commit();
    return recorded ? value : replay(context, functionId, store.find(c, context.workflowId(), functionId).orElseThrow(), method);
  }

  private <R> R replay(
      WorkflowContext context, int functionId, TransactionOutputStore.Recorded recorded, DurableMethod<R> method) {
    if (!recorded.functionName().equals(method.name())) {
      throw new DeterminismException(context.workflowId(), functionId, recorded.functionName(), method.name());
    }
    // transaction_outputs has no serialization column: only this project writes it, and its
    // records of every version read as portable_json (plain values; errors naming className)
    return outcomes.decode(context.workflowId(), method, JsonCodec.FORMAT, recorded.output(), recorded.error()).get();
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
