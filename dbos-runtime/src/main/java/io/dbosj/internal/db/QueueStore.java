package io.dbosj.internal.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import io.dbosj.WorkflowState;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Moves workflows of a queue from {@code ENQUEUED} to {@code PENDING} for this executor, within
 * the queue's limits. On PostgreSQL each dequeue of a queue holds a transaction-level advisory
 * lock on it, so counting the running workflows and claiming new ones is atomic across every
 * process (the global concurrency and rate limits hold), and claims rows with {@code FOR UPDATE
 * SKIP LOCKED}; on SQLite the immediate write transaction is the lock.
 */
public final class QueueStore {
  /** The most workflows one dequeue claims, so one busy queue cannot starve the others. */
  private static final int MAX_CLAIM = 256;

  private final SystemDatabase db;
  private final String tryLock;
  private final String countStartedSince;
  private final String countPendingTotal;
  private final String countPendingOfExecutor;
  private final String selectByPriority;
  private final String selectInOrder;
  private final String claim;
  private final String selectClaimedSteps;
  private final String notify;
  private final String selectById;

  public QueueStore(SystemDatabase db) {
    this.db = db;
    SystemSql.Queues sql = db.sql().queues();
    this.tryLock = sql.tryLock();
    this.countStartedSince = sql.countStartedSince();
    this.countPendingTotal = sql.countPendingTotal();
    this.countPendingOfExecutor = sql.countPendingOfExecutor();
    this.selectByPriority = sql.selectByPriority();
    this.selectInOrder = sql.selectInOrder();
    this.claim = sql.claim();
    this.selectClaimedSteps = sql.selectClaimedSteps();
    this.notify = sql.notifyEnqueued();
    this.selectById = db.sql().workflows().selectById();
  }

  /** The PostgreSQL channel that tells queue runners new work is waiting. */
  public static final String CHANNEL = "dbos_queue";

  /** On PostgreSQL, wakes the queue runners of every process listening: work was enqueued. */
  public void notifyEnqueued(String queueName) {
    if (notify != null) {
      db.query(notify, row -> null, CHANNEL, queueName);
    }
  }

  /**
   * What one dequeue claimed: the rows, oldest (or most urgent) first, and the steps earlier
   * executions recorded for them (a resumed or recovered workflow has some), by workflow ID.
   */
  public record Claimed(List<StatusRow> rows, Map<String, Map<Integer, StepRecord>> steps) {
    static final Claimed NONE = new Claimed(List.of(), Map.of());
  }

  /**
   * Claims the workflows this executor may start now from {@code queue}, and reads what their
   * execution needs in the same transaction. Claims none if another process is dequeuing the
   * same queue at this moment: it will be tried again. {@code beforeCommit} is given the ID of
   * each row claimed, inside the transaction, before it commits: so the caller can mark them as
   * running before anyone else can read them claimed. An attempt retried after a lost connection
   * calls it again, possibly for other rows; only those returned were claimed.
   *
   * <p>A connection lost during the commit leaves its outcome unknown: the rows of that attempt
   * may be claimed though the reply never came. The next attempt therefore first reads which of
   * them are {@code PENDING} for this executor (no one else claims for it), and returns them with whatever it claims itself, so no committed claim is left unstarted.
   */
  public Claimed dequeue(
      QueueLimits queue, String executorId, RunnableScope scope, long now, Consumer<String> beforeCommit) {
    return dequeue(queue, executorId, scope, now, beforeCommit, new LinkedHashSet<>());
  }

  /**
   * {@link #dequeue}, given the IDs its earlier attempts claimed (and adding the IDs it claims):
   * a test calls it twice with one set to play an attempt whose answer was lost.
   */
  Claimed dequeue(
      QueueLimits queue, String executorId, RunnableScope scope, long now, Consumer<String> beforeCommit,
      Set<String> earlierAttempts) {
    return db.inTransaction(
        c -> {
          List<StatusRow> claimed = claimedByEarlierAttempt(c, earlierAttempts, executorId, now);
          Claimed carried = claimed.isEmpty() ? Claimed.NONE : withSteps(c, claimed, queue, executorId, now);
          if (tryLock != null && !tryLock(c, queue.name())) {
            return carried;
          }
          int room = MAX_CLAIM;
          if (queue.rateLimit() > 0) {
            long windowStart = now - queue.ratePeriod().toMillis();
            room = Math.min(room, queue.rateLimit() - (int) countRows(c, countStartedSince, queue.name(), windowStart));
          }
          if (queue.workerConcurrency() != null) {
            room = Math.min(room, queue.workerConcurrency() - (int) countRows(c, countPendingOfExecutor, queue.name(), executorId));
          }
          if (queue.concurrency() != null) {
            room = Math.min(room, queue.concurrency() - (int) countRows(c, countPendingTotal, queue.name()));
          }
          if (room <= 0) {
            return carried;
          }
          List<StatusRow> candidates = new ArrayList<>();
          boolean anyRecordedSteps = false;
          try (PreparedStatement s = c.prepareStatement(queue.priorityEnabled() ? selectByPriority : selectInOrder)) {
            Jdbc.bind(s, queue.name(), scope.appVersion(), scope.fingerprintsJson(), room);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                candidates.add(WorkflowStore.readRow(rs));
                anyRecordedSteps |= rs.getBoolean(WorkflowStore.ROW_WIDTH + 1);
              }
            }
          }
          if (candidates.isEmpty()) {
            return carried;
          }
          anyRecordedSteps |= !claimed.isEmpty();
          try (PreparedStatement s = c.prepareStatement(claim)) {
            for (StatusRow row : candidates) {
              Jdbc.bind(s, executorId, scope.appVersion(), now, now, now, now, row.workflowId());
              s.addBatch();
            }
            int[] counts = s.executeBatch();
            for (int i = 0; i < counts.length; i++) {
              if (counts[i] == 1) {
                claimed.add(candidates.get(i).startedAt(now));
              }
            }
          }
          for (StatusRow row : claimed) {
            beforeCommit.accept(row.workflowId());
            earlierAttempts.add(row.workflowId());
          }
          if (!anyRecordedSteps) {
            return new Claimed(claimed, Map.of()); // none was resumed or recovered: nothing to replay
          }
          return withSteps(c, claimed, queue, executorId, now);
        });
  }

  /**
   * Which of the rows an earlier attempt of this dequeue claimed its commit did claim: those now
   * {@code PENDING} for this executor, as claimed at {@code now}. Empty on a first attempt.
   */
  private List<StatusRow> claimedByEarlierAttempt(
      Connection c, Set<String> earlierAttempts, String executorId, long now) throws SQLException {
    List<StatusRow> claimed = new ArrayList<>();
    if (earlierAttempts.isEmpty()) {
      return claimed;
    }
    try (PreparedStatement s = c.prepareStatement(selectById)) {
      for (String workflowId : earlierAttempts) {
        Jdbc.bind(s, workflowId);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            StatusRow row = WorkflowStore.readRow(rs);
            if (row.state() == WorkflowState.PENDING && executorId.equals(row.executorId())) {
              claimed.add(row.startedAt(now));
            }
          }
        }
      }
    }
    return claimed;
  }

  /** {@code claimed} with the steps earlier executions recorded for them, read in one query. */
  private Claimed withSteps(Connection c, List<StatusRow> claimed, QueueLimits queue, String executorId, long now)
      throws SQLException {
    Map<String, Map<Integer, StepRecord>> steps = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(selectClaimedSteps)) {
      Jdbc.bind(s, queue.name(), executorId, now);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          StepRecord step = StepStore.read(rs);
          steps.computeIfAbsent(step.workflowId(), id -> new HashMap<>()).put(step.functionId(), step);
        }
      }
    }
    return new Claimed(claimed, steps);
  }

  private boolean tryLock(Connection c, String queueName) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(tryLock)) {
      Jdbc.bind(s, lockKey(queueName));
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** A stable 64-bit key per queue name (FNV-1a), for PostgreSQL's advisory locks. */
  static long lockKey(String queueName) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : ("dbos.queue:" + queueName).getBytes(StandardCharsets.UTF_8)) {
      hash ^= b;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  private static long countRows(Connection c, String sql, Object... binds) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      Jdbc.bind(s, binds);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
