package io.dbosj.internal.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
   */
  public Claimed dequeue(
      QueueLimits queue, String executorId, String appVersion, long now, Consumer<String> beforeCommit) {
    return db.inTransaction(
        c -> {
          if (tryLock != null && !tryLock(c, queue.name())) {
            return Claimed.NONE;
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
            return Claimed.NONE;
          }
          List<StatusRow> candidates = new ArrayList<>();
          boolean anyRecordedSteps = false;
          try (PreparedStatement s = c.prepareStatement(queue.priorityEnabled() ? selectByPriority : selectInOrder)) {
            Jdbc.bind(s, queue.name(), room);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                candidates.add(WorkflowStore.readRow(rs));
                anyRecordedSteps |= rs.getBoolean(WorkflowStore.ROW_WIDTH + 1);
              }
            }
          }
          if (candidates.isEmpty()) {
            return Claimed.NONE;
          }
          List<StatusRow> claimed = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(claim)) {
            for (StatusRow row : candidates) {
              Jdbc.bind(s, executorId, appVersion, now, now, now, row.workflowId());
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
          }
          if (!anyRecordedSteps) {
            return new Claimed(claimed, Map.of()); // none was resumed or recovered: nothing to replay
          }
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
        });
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
