package io.dbosj.internal.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * DBOS's {@code dbos.queues}: queues and their limits kept in the database, where every process
 * (and DBOS's tools) reads them and any of them may change them at run time; and, beside it, the
 * limits each queue was last registered with in code ({@code dbosj_queue_registrations}).
 */
public final class QueueTableStore {
  private final SystemDatabase db;
  private final String appName;
  private final SystemSql.Queues sql;

  /**
   * {@code appName} owns the rows this store writes; it reads those and the unowned ones ({@code
   * null}, a client's: it writes unowned rows and reads every one).
   */
  public QueueTableStore(SystemDatabase db, String appName) {
    this.db = db;
    this.appName = appName;
    this.sql = db.sql().queues();
  }

  /**
   * Why this database's {@code dbos.queues} cannot keep queue limits, or {@code null} if it can:
   * a table an older DBOS made (DBOS Java 1.1's) lacks the partition limits.
   */
  public String unusableBecause() {
    String lacks = db.queueTableLacks();
    return lacks == null ? null
        : "dbos.queues in this system database (made by an older DBOS) has no column " + lacks
            + "; migrate it with DBOS TS 5.3's tools ('npx dbos migrate') to keep queue limits there";
  }

  /** Every queue in the table this application may use, by name. */
  public List<QueueLimits> list() {
    return db.query(sql.selectStored(), QueueTableStore::read, appName, appName);
  }

  public Optional<QueueLimits> find(String name) {
    return list().stream().filter(q -> q.name().equals(name)).findFirst();
  }

  /** Adds {@code queue}; {@code false}, changing nothing, if a queue of its name is there. */
  public boolean insert(QueueLimits queue, long now) {
    Object[] limits = limits(queue);
    Object[] binds = new Object[limits.length + 4];
    binds[0] = queue.name();
    System.arraycopy(limits, 0, binds, 1, limits.length);
    binds[limits.length + 1] = appName;
    binds[limits.length + 2] = now;
    binds[limits.length + 3] = now;
    return db.update(sql.insertStored(), binds) == 1;
  }

  /** Replaces the limits of the queue named {@code queue.name()}; {@code false} if there is none. */
  public boolean update(QueueLimits queue, long now) {
    Object[] limits = limits(queue);
    Object[] binds = new Object[limits.length + 2];
    binds[0] = now;
    System.arraycopy(limits, 0, binds, 1, limits.length);
    binds[limits.length + 1] = queue.name();
    return db.update(sql.updateStored(), binds) == 1;
  }

  /** Removes the queue; {@code false} if there is none. Its workflows stay as they are. */
  public boolean delete(String name) {
    return db.update(sql.deleteStored(), name) == 1;
  }

  /** The limits the code registered {@code name} with at its last launch, as {@link QueueLimits#toString()}. */
  public Optional<String> registeredInCode(String name) {
    return db.query(sql.selectRegistration(), rs -> rs.getString(1), name).stream().findFirst();
  }

  public void recordRegisteredInCode(QueueLimits queue, long now) {
    db.update(sql.upsertRegistration(), queue.name(), queue.toString(), now);
  }

  private static Object[] limits(QueueLimits q) {
    return new Object[] {
      q.concurrency(),
      q.workerConcurrency(),
      q.rateLimit() == null ? null : q.rateLimit().limit(),
      q.rateLimit() == null ? null : seconds(q.rateLimit().period()),
      q.priorityEnabled(),
      q.partitioned(),
      q.partitionConcurrency(),
      q.partitionWorkerConcurrency(),
      q.partitionRateLimit() == null ? null : q.partitionRateLimit().limit(),
      q.partitionRateLimit() == null ? null : seconds(q.partitionRateLimit().period())
    };
  }

  private static QueueLimits read(ResultSet rs) throws SQLException {
    return new QueueLimits(
        rs.getString(1),
        nullableInt(rs, 2),
        nullableInt(rs, 3),
        rate(nullableInt(rs, 4), rs.getDouble(5), rs.wasNull()),
        rs.getBoolean(6),
        nullableInt(rs, 8),
        nullableInt(rs, 9),
        rate(nullableInt(rs, 10), rs.getDouble(11), rs.wasNull()));
  }

  private static QueueLimits.RateLimit rate(Integer limit, double periodSeconds, boolean periodNull) {
    if (limit == null || periodNull || limit < 1 || periodSeconds <= 0) {
      return null;
    }
    return new QueueLimits.RateLimit(limit, Duration.ofNanos(Math.round(periodSeconds * 1e9)));
  }

  private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Double seconds(Duration period) {
    return period.toNanos() / 1e9;
  }
}
