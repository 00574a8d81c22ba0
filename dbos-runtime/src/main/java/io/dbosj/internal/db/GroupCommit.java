package io.dbosj.internal.db;

import io.dbosj.DbosException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Combines the checkpoints of concurrent workflows into shared commits. A caller that finds a
 * free commit slot runs its own writes at once, on its own thread, so a lone workflow waits for
 * nothing; callers that arrive while every slot is busy queue, and the next of them to run takes
 * the queue (see {@link Rounds} for how much of it) into one transaction. Every caller returns
 * only once its writes are committed (or known to have changed nothing), so combining never
 * weakens durability.
 *
 * <p>The writes of one call are all or none: if one of several changes no row (a step another
 * execution recorded first, an outcome that lost to a cancellation), none of them is kept, and
 * the caller sees which. Such a call is then run again in a transaction of its own, as is every
 * call of a shared commit that failed, so one caller's trouble is never another's. A call run on
 * its own is retried through a lost connection (see {@link OutageRetry}) rather than failed.
 */
public final class GroupCommit {
  private static final int MAX_CALLS_PER_COMMIT = 512;
  /**
   * The most calls of one {@link Rounds#ONE_STATEMENT} round. The PostgreSQL driver sends a batch
   * with a single sync, which makes it one transaction, only while it expects the replies to fit
   * its receive buffer (about 250 statements without results); past that it syncs midway, and a
   * failing batch could have committed its first part.
   */
  private static final int MAX_CALLS_PER_STATEMENT_ROUND = 128;

  /** How the calls of one round are written. */
  public enum Rounds {
    /**
     * Every waiting call in one transaction, each statement as one JDBC batch: for a database
     * with a single writer (SQLite), where one commit for all is cheapest.
     */
    ONE_TRANSACTION,
    /**
     * The waiting calls of one statement, each of a single write, as one JDBC batch in
     * auto-commit: PostgreSQL runs a batch sent with one sync as one transaction, so a round is
     * one round trip and one log flush; rounds of other statements run alongside on other
     * connections, and their flushes share the server's log writes. Calls of several writes
     * whose statements are the same (a last step with its workflow's outcome) are combined too,
     * in one transaction with one JDBC batch per statement.
     */
    ONE_STATEMENT
  }

  private final SystemDatabase db;
  private final int maxRoundsUnderWay;
  private final Rounds shape;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Call> waiting = new ArrayDeque<>();
  private int roundsUnderWay;
  private long rounds;

  /**
   * @param maxRoundsUnderWay how many commit rounds may be under way at once: more than one lets
   *     a server that flushes its log for several transactions at once (PostgreSQL) work on one
   *     round while another waits for its flush; one for a database with a single writer
   * @param shape how a round is written; {@link Rounds#ONE_STATEMENT} only on PostgreSQL
   */
  public GroupCommit(SystemDatabase db, int maxRoundsUnderWay, Rounds shape) {
    if (shape == Rounds.ONE_STATEMENT && !db.isPostgres()) {
      throw new IllegalArgumentException(
          "one-statement commit rounds need PostgreSQL, whose batches are one transaction; " + db.url() + " is not");
    }
    this.db = db;
    this.maxRoundsUnderWay = maxRoundsUnderWay;
    this.shape = shape;
  }

  /** The group commit suited to {@code db}'s kind, as the runtime uses it. */
  public static GroupCommit of(SystemDatabase db) {
    return db.isPostgres() ? new GroupCommit(db, 4, Rounds.ONE_STATEMENT) : new GroupCommit(db, 1, Rounds.ONE_TRANSACTION);
  }

  /** One caller's writes and, once committed, how many rows each changed. */
  private static final class Call {
    final CheckpointWrite[] writes;
    final Condition finished;
    int[] counts;
    DbosException failure;
    /** In a round under way: its caller waits for it to be done rather than start a round. */
    boolean taken;
    boolean done;

    Call(CheckpointWrite[] writes, Condition finished) {
      this.writes = writes;
      this.finished = finished;
    }
  }

  /**
   * Commits {@code writes} together, maybe with other callers' writes, and returns how many rows
   * each changed. If any changed none and there were several, none of them is kept.
   *
   * @throws DbosException if the database failed them
   */
  public int[] commit(CheckpointWrite... writes) {
    if (writes.length == 0) {
      return new int[0];
    }
    lock.lock();
    try {
      Call call = new Call(writes, lock.newCondition());
      waiting.add(call);
      while (!call.done) {
        if (call.taken || roundsUnderWay == maxRoundsUnderWay) {
          call.finished.awaitUninterruptibly();
          continue;
        }
        roundsUnderWay++;
        List<Call> batch = takeWaiting();
        if (!waiting.isEmpty() && roundsUnderWay < maxRoundsUnderWay) {
          waiting.peek().finished.signal(); // what this round left may start another at once
        }
        lock.unlock();
        try {
          run(batch);
        } finally {
          lock.lock();
          rounds++;
          roundsUnderWay--;
          // wake exactly the callers whose writes are done, and the next to lead, if any
          for (Call done : batch) {
            if (done.counts == null && done.failure == null) {
              done.failure = new DbosException("the commit of this checkpoint was interrupted by an error");
            }
            done.done = true;
            done.finished.signal();
          }
          if (!waiting.isEmpty()) {
            waiting.peek().finished.signal();
          }
        }
      }
      if (call.failure != null) {
        throw call.failure;
      }
      return call.counts;
    } finally {
      lock.unlock();
    }
  }

  /**
   * How many commit rounds this has run: one transaction each, unless a round had to be split.
   * Fewer rounds than calls means calls were combined.
   */
  public long rounds() {
    lock.lock();
    try {
      return rounds;
    } finally {
      lock.unlock();
    }
  }

  /** How many commit rounds are under way. */
  public int roundsUnderWay() {
    lock.lock();
    try {
      return roundsUnderWay;
    } finally {
      lock.unlock();
    }
  }

  /** How many calls wait for a commit under way to finish. */
  public int waiting() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The calls of the next round, taken out of the queue: every waiting call, or with {@link
   * Rounds#ONE_STATEMENT}, the waiting calls of the first one's statement (a call of several
   * writes alone). The first waiting call is always in the round, so none waits forever; the
   * leader's own call has not been taken yet, so there is one.
   */
  private List<Call> takeWaiting() {
    List<Call> batch = new ArrayList<>();
    Call first = waiting.peek();
    if (shape == Rounds.ONE_TRANSACTION) {
      while (!waiting.isEmpty() && batch.size() < MAX_CALLS_PER_COMMIT) {
        batch.add(take(waiting.poll()));
      }
      return batch;
    }
    // one statement's single writes as one batch, or calls of the same several statements (a
    // step with its workflow's outcome, say) in one transaction
    int limit = first.writes.length == 1 ? MAX_CALLS_PER_STATEMENT_ROUND : MAX_CALLS_PER_COMMIT;
    for (Iterator<Call> calls = waiting.iterator(); calls.hasNext() && batch.size() < limit; ) {
      Call call = calls.next();
      if (sameStatements(call.writes, first.writes)) {
        calls.remove();
        batch.add(take(call));
      }
    }
    return batch;
  }

  private static boolean sameStatements(CheckpointWrite[] a, CheckpointWrite[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!a[i].sql().equals(b[i].sql())) {
        return false;
      }
    }
    return true;
  }

  private static Call take(Call call) {
    call.taken = true;
    return call;
  }

  /**
   * Runs a round {@link #takeWaiting} took. With {@link Rounds#ONE_STATEMENT} such a round is one
   * call of several writes or calls of one write each, so its first call says which.
   */
  private void run(List<Call> batch) {
    boolean oneWrite = batch.get(0).writes.length == 1;
    if (batch.size() == 1 && oneWrite) {
      runAutoCommitted(batch.get(0));
    } else if (shape == Rounds.ONE_STATEMENT && oneWrite ? !runOneStatement(batch) : !runShared(batch)) {
      for (Call call : batch) {
        runAlone(call);
      }
    }
  }

  /** A single write needs no transaction around it: one round trip. */
  private void runAutoCommitted(Call call) {
    CheckpointWrite write = call.writes[0];
    try {
      call.counts =
          db.retrying(
              () -> {
                try (Connection connection = db.openPooledConnection();
                    PreparedStatement statement = connection.prepareStatement(write.sql())) {
                  Jdbc.bind(statement, write.binds());
                  return new int[] {statement.executeUpdate()};
                }
              });
    } catch (SQLException e) {
      call.failure = db.failure(e);
    } catch (DbosException e) {
      call.failure = e; // the database stayed unreachable, or close() interrupted the retries
    }
  }

  /**
   * Runs calls of one statement as one auto-committed batch: one transaction on PostgreSQL (see
   * {@link Rounds#ONE_STATEMENT}). Returns {@code false}, with nothing kept, if it failed.
   */
  private boolean runOneStatement(List<Call> batch) {
    try (Connection connection = db.openPooledConnection();
        PreparedStatement statement = connection.prepareStatement(batch.get(0).writes[0].sql())) {
      for (Call call : batch) {
        Jdbc.bind(statement, call.writes[0].binds());
        statement.addBatch();
      }
      int[] counts = statement.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        batch.get(i).counts = new int[] {counts[i]};
      }
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Runs every call's writes in one transaction, each statement as one JDBC batch. Returns {@code
   * false}, keeping nothing, if a call's writes were not all-or-none or the database failed.
   */
  private boolean runShared(List<Call> batch) {
    Map<String, List<int[]>> byStatement = new LinkedHashMap<>();
    List<CheckpointWrite> order = new ArrayList<>();
    for (int c = 0; c < batch.size(); c++) {
      Call call = batch.get(c);
      call.counts = new int[call.writes.length];
      for (int w = 0; w < call.writes.length; w++) {
        CheckpointWrite write = call.writes[w];
        List<int[]> positions = byStatement.get(write.sql());
        if (positions == null) {
          positions = new ArrayList<>();
          byStatement.put(write.sql(), positions);
          order.add(write);
        }
        positions.add(new int[] {c, w});
      }
    }
    order.sort(Comparator.comparingInt(CheckpointWrite::rank));
    try (Connection connection = db.openPooledConnection()) {
      connection.setAutoCommit(false);
      try {
        for (CheckpointWrite first : order) {
          List<int[]> positions = byStatement.get(first.sql());
          try (PreparedStatement statement = connection.prepareStatement(first.sql())) {
            for (int[] p : positions) {
              Jdbc.bind(statement, batch.get(p[0]).writes[p[1]].binds());
              statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            for (int i = 0; i < counts.length; i++) {
              int[] p = positions.get(i);
              batch.get(p[0]).counts[p[1]] = counts[i];
            }
          }
        }
        for (Call call : batch) {
          if (!allOrNone(call.counts)) {
            connection.rollback();
            return false;
          }
        }
        connection.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        SystemDatabase.rollbackQuietly(connection, e);
        return false;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      return false; // each call is run again alone, retried through an outage
    }
  }

  /** One call in a transaction of its own; stops at the first write of several that changes nothing. */
  private void runAlone(Call call) {
    call.failure = null;
    try {
      call.counts = db.retrying(() -> runInTransaction(call.writes));
    } catch (SQLException e) {
      call.failure = db.failure(e);
    } catch (DbosException e) {
      call.failure = e; // the database stayed unreachable, or close() interrupted the retries
    } catch (RuntimeException e) {
      call.failure = new DbosException("system database " + db.url() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * One attempt at {@link #runAlone}. After a lost connection it is run again: a write whose
   * commit went through but whose answer was lost then changes no row, and the caller reads the
   * record to tell its own from another execution's.
   */
  private int[] runInTransaction(CheckpointWrite[] writes) throws SQLException {
    int[] counts = new int[writes.length];
    try (Connection connection = db.openPooledConnection()) {
      connection.setAutoCommit(false);
      try {
        boolean keep = true;
        for (int w = 0; w < writes.length && keep; w++) {
          try (PreparedStatement statement = connection.prepareStatement(writes[w].sql())) {
            Jdbc.bind(statement, writes[w].binds());
            counts[w] = statement.executeUpdate();
          }
          keep = writes.length == 1 || counts[w] > 0;
        }
        if (keep) {
          connection.commit();
        } else {
          connection.rollback();
        }
        return counts;
      } catch (SQLException | RuntimeException e) {
        SystemDatabase.rollbackQuietly(connection, e);
        throw e;
      } finally {
        try {
          connection.setAutoCommit(true);
        } catch (SQLException e) {
          // a lost connection: the pool discards it
        }
      }
    }
  }

  private static boolean allOrNone(int[] counts) {
    if (counts.length == 1) {
      return true;
    }
    for (int count : counts) {
      if (count == 0) {
        return false;
      }
    }
    return true;
  }
}
