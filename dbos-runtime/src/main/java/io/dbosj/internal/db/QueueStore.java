package io.dbosj.internal.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import io.dbosj.WorkflowState;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Moves workflows of a queue from {@code ENQUEUED} to {@code PENDING} for this executor, within
 * the queue's limits. On PostgreSQL each dequeue of a queue holds a transaction-level advisory
 * lock on it, so counting the running workflows and claiming new ones is atomic across every
 * process (the global concurrency and rate limits hold), and claims rows with {@code FOR UPDATE
 * SKIP LOCKED}; on SQLite the immediate write transaction is the lock. A queue without partitions
 * is counted, picked and claimed in one statement under that lock, sent with the statement that
 * takes it (two round trips with the commit); a rate limit takes the lock and counts first, and a
 * partitioned queue counts, picks and claims in statements of their own.
 */
public final class QueueStore {
  /** The most workflows one dequeue claims, so one busy queue cannot starve the others. */
  public static final int MAX_CLAIM = 256;

  private final SystemDatabase db;
  private final String tryLock;
  private final String startsSince;
  private final String partitionStartsSince;
  private final String selectPartitionCandidates;
  private final String promoteDelayed;
  private final String nextDelayed;
  private final String countPendingTotal;
  private final String countPendingOfExecutor;
  private final String selectQueued;
  private final String claim;
  private final String claimQueued;
  private final String lockThenClaimQueued;
  private final String selectClaimedSteps;
  private final String notify;
  private final String selectById;

  public QueueStore(SystemDatabase db) {
    this.db = db;
    SystemSql.Queues sql = db.sql().queues();
    this.tryLock = sql.tryLock();
    this.startsSince = sql.startsSince();
    this.partitionStartsSince = sql.partitionStartsSince();
    this.selectPartitionCandidates = sql.selectPartitionCandidates();
    this.promoteDelayed = sql.promoteDelayed();
    this.nextDelayed = sql.nextDelayed();
    this.countPendingTotal = sql.countPendingTotal();
    this.countPendingOfExecutor = sql.countPendingOfExecutor();
    this.selectQueued = sql.selectQueued();
    this.claim = sql.claim();
    this.claimQueued = sql.claimQueued();
    this.lockThenClaimQueued = sql.lockThenClaimQueued();
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
   * executions recorded for them (a resumed or recovered workflow has some), by workflow ID; and
   * if a rate limit held work back, when its window next has room ({@code rateReopensAt}, epoch
   * ms, 0 if none did).
   */
  public record Claimed(List<StatusRow> rows, Map<String, Map<Integer, StepRecord>> steps, long rateReopensAt) {
    static final Claimed NONE = new Claimed(List.of(), Map.of(), 0);

    Claimed rateReopensAt(long at) {
      return at == 0 ? this : new Claimed(rows, steps, at);
    }
  }

  /**
   * Moves the {@code DELAYED} workflows of these queues whose delay has passed onto their queue
   * ({@code ENQUEUED}); returns how many it moved.
   */
  public int promoteDelayed(List<String> queueNames, long now) {
    return db.update(promoteDelayed, now, now, Jdbc.jsonArray(queueNames));
  }

  /** When the first {@code DELAYED} workflow of these queues is due (epoch ms), if any waits. */
  public OptionalLong nextDelayed(List<String> queueNames) {
    List<Long> due = db.query(nextDelayed, rs -> {
      long at = rs.getLong(1);
      return rs.wasNull() ? null : at;
    }, Jdbc.jsonArray(queueNames));
    return due.isEmpty() || due.get(0) == null ? OptionalLong.empty() : OptionalLong.of(due.get(0));
  }

  /**
   * Claims the workflows this executor may start now from {@code queue}, and reads what their
   * execution needs in the same transaction. If another process is dequeuing the same queue at
   * this moment, a queue with neither partitions nor a rate limit waits for that dequeue to
   * commit (its lock comes in one round trip with the claim); any other claims none, and is tried
   * again. {@code beforeCommit} is given the ID of
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
          // a queue with neither partitions nor a rate limit takes its lock with the claim
          boolean lockWithClaim = lockThenClaimQueued != null && !queue.partitioned() && queue.rateLimit() == null;
          if (!lockWithClaim && tryLock != null && !tryLock(c, queue.name())) {
            return carried;
          }
          int room = MAX_CLAIM;
          long reopensAt = 0;
          boolean anyRecordedSteps = !claimed.isEmpty();
          if (queue.rateLimit() != null) {
            QueueLimits.RateLimit rate = queue.rateLimit();
            long[] starts = startsSince(c, queue.name(), now - rate.periodMillis());
            int left = rate.limit() - (int) starts[0];
            if (left <= 0) {
              reopensAt = starts[1] + rate.periodMillis() + 1;
            }
            room = Math.min(room, left);
          }
          if (!queue.partitioned()) {
            if (room <= 0) {
              return carried.rateReopensAt(reopensAt);
            }
            anyRecordedSteps |= claimQueued(c, queue, executorId, scope, now, room, lockWithClaim, claimed);
            return claimed(c, claimed, anyRecordedSteps, queue, executorId, now, beforeCommit, earlierAttempts);
          }
          if (queue.workerConcurrency() != null) {
            room = Math.min(room, queue.workerConcurrency() - (int) countRows(c, countPendingOfExecutor, queue.name(), executorId));
          }
          if (queue.concurrency() != null) {
            room = Math.min(room, queue.concurrency() - (int) countRows(c, countPendingTotal, queue.name()));
          }
          if (room <= 0) {
            return carried.rateReopensAt(reopensAt);
          }
          List<StatusRow> candidates = new ArrayList<>();
          try (PreparedStatement s = candidates(c, queue, executorId, scope, now, room)) {
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                candidates.add(WorkflowStore.readRow(rs));
                anyRecordedSteps |= rs.getBoolean(WorkflowStore.ROW_WIDTH + 1);
              }
            }
          }
          if (candidates.isEmpty()) {
            return carried.rateReopensAt(queue.partitionRateLimit() == null ? 0 : partitionReopensAt(c, queue, now));
          }
          boolean rateLimited = queue.rateLimit() != null || queue.partitionRateLimit() != null;
          try (PreparedStatement s = c.prepareStatement(claim)) {
            for (StatusRow row : candidates) {
              Jdbc.bind(s, executorId, scope.appVersion(), now, now, rateLimited, now, now, row.workflowId());
              s.addBatch();
            }
            int[] counts = s.executeBatch();
            for (int i = 0; i < counts.length; i++) {
              if (counts[i] == 1) {
                claimed.add(candidates.get(i).startedAt(now));
              }
            }
          }
          return claimed(c, claimed, anyRecordedSteps, queue, executorId, now, beforeCommit, earlierAttempts);
        });
  }

  /**
   * Hands each of {@code claimed} that this attempt claimed (those an earlier attempt claimed were
   * handed over then) to {@code beforeCommit} and returns them all, with the steps earlier
   * executions recorded for them if any has some.
   */
  private Claimed claimed(
      Connection c, List<StatusRow> claimed, boolean anyRecordedSteps, QueueLimits queue, String executorId,
      long now, Consumer<String> beforeCommit, Set<String> earlierAttempts) throws SQLException {
    for (StatusRow row : claimed) {
      if (earlierAttempts.add(row.workflowId())) {
        beforeCommit.accept(row.workflowId());
      }
    }
    if (!anyRecordedSteps) {
      return new Claimed(claimed, Map.of(), 0); // none was resumed or recovered: nothing to replay
    }
    return withSteps(c, claimed, queue, executorId, now);
  }

  /**
   * Claims, in one statement that counts what the queue's concurrency and worker concurrency
   * leave room for, picks and claims, up to {@code most} rows of a queue without partitions,
   * adding them to {@code claimed} in queue order; returns whether any has recorded steps. With
   * {@code lockFirst} the queue's lock is taken, waiting for another process's dequeue to commit,
   * by a statement sent with it.
   */
  private boolean claimQueued(
      Connection c, QueueLimits queue, String executorId, RunnableScope scope, long now, int most,
      boolean lockFirst, List<StatusRow> claimed) throws SQLException {
    record Picked(StatusRow row, int priority) {}
    List<Picked> picked = new ArrayList<>();
    boolean anyRecordedSteps = false;
    boolean rateLimited = queue.rateLimit() != null;
    Object[] binds = {
        executorId, scope.appVersion(), now, now, rateLimited, now, now,
        queue.name(), scope.appVersion(), scope.fingerprintsJson(),
        most, orUnlimited(queue.concurrency()), queue.name(), orUnlimited(queue.workerConcurrency()), queue.name(),
        executorId};
    try (PreparedStatement s = c.prepareStatement(lockFirst ? lockThenClaimQueued : claimQueued)) {
      Jdbc.planEachTime(s);
      if (lockFirst) {
        Object[] withKey = new Object[binds.length + 1];
        withKey[0] = lockKey(queue.name());
        System.arraycopy(binds, 0, withKey, 1, binds.length);
        Jdbc.bind(s, withKey);
        s.execute(); // the lock's result
        if (!s.getMoreResults()) {
          throw new SQLException("the claim after the queue's lock returned no rows to read");
        }
      } else {
        Jdbc.bind(s, binds);
        s.execute();
      }
      try (ResultSet rs = s.getResultSet()) {
        while (rs.next()) {
          picked.add(new Picked(WorkflowStore.readRow(rs).startedAt(now), rs.getInt(WorkflowStore.ROW_WIDTH + 2)));
          anyRecordedSteps |= rs.getBoolean(WorkflowStore.ROW_WIDTH + 1);
        }
      }
    }
    // the statement returns its rows in no set order; they start in the order they were picked
    picked.sort(Comparator.<Picked>comparingInt(Picked::priority).thenComparingLong(p -> p.row().createdAt()));
    picked.forEach(p -> claimed.add(p.row()));
    return anyRecordedSteps;
  }

  private static int orUnlimited(Integer limit) {
    return limit == null ? Integer.MAX_VALUE : limit;
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
    return new Claimed(claimed, steps, 0);
  }

  /**
   * The statement that reads up to {@code room} rows {@code queue} may start now, ready to run:
   * in queue order, or on a partitioned queue in rounds across its partitions, within each
   * partition's limits.
   */
  private PreparedStatement candidates(
      Connection c, QueueLimits queue, String executorId, RunnableScope scope, long now, int room)
      throws SQLException {
    if (!queue.partitioned()) {
      PreparedStatement s = c.prepareStatement(selectQueued);
      Jdbc.bind(s, queue.name(), scope.appVersion(), scope.fingerprintsJson(), room);
      return s;
    }
    QueueLimits.RateLimit rate = queue.partitionRateLimit();
    PreparedStatement s = c.prepareStatement(selectPartitionCandidates);
    Jdbc.bind(
        s, queue.name(), scope.appVersion(), scope.fingerprintsJson(), executorId, queue.name(), queue.name(),
        rate == null ? now : now - rate.periodMillis(),
        orMax(queue.partitionConcurrency()), orMax(queue.partitionWorkerConcurrency()),
        rate == null ? MAX_CLAIM : rate.limit(), room);
    return s;
  }

  private static int orMax(Integer limit) {
    return limit == null ? MAX_CLAIM : limit;
  }

  /** When the first partition of {@code queue} that its rate limit holds back has room again. */
  private long partitionReopensAt(Connection c, QueueLimits queue, long now) throws SQLException {
    QueueLimits.RateLimit rate = queue.partitionRateLimit();
    long first = 0;
    try (PreparedStatement s = c.prepareStatement(partitionStartsSince)) {
      Jdbc.bind(s, queue.name(), now - rate.periodMillis());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (rs.getLong(2) >= rate.limit()) {
            long at = rs.getLong(3) + rate.periodMillis() + 1;
            first = first == 0 ? at : Math.min(first, at);
          }
        }
      }
    }
    return first;
  }

  /** How many of {@code queue}'s workflows started after {@code since}, and the first of those starts. */
  private long[] startsSince(Connection c, String queueName, long since) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(startsSince)) {
      Jdbc.bind(s, queueName, since);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    }
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
