package io.dbosj.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Owns {@code dbosj_executors}, our table beside DBOS's: which process holds each executor ID,
 * its heartbeat, and which executor took over its work. Every change of holder is one
 * conditional statement, so of two processes racing for an ID, or for a dead executor's work,
 * exactly one wins.
 */
public final class ExecutorStore {
  /** The process that means to hold an executor ID: {@code instanceId} is new at each launch. */
  public record Holder(String executorId, String instanceId, String host, long pid, String appVersion) {}

  private final SystemDatabase db;
  private final SystemSql.Executors sql;

  public ExecutorStore(SystemDatabase db) {
    this.db = db;
    this.sql = SystemSql.of(db.isPostgres()).executors();
  }

  /** Records {@code holder} as holding a new executor ID; {@code false} if the ID has a row. */
  public boolean insert(Holder holder, long now) {
    return db.update(
            sql.insert(),
            holder.executorId(), holder.instanceId(), holder.host(), holder.pid(), holder.appVersion(), now, now)
        == 1;
  }

  /**
   * Makes {@code holder} the holder of its executor ID if the row's holder stopped, its heartbeat
   * is older than {@code lapsedBefore}, or it is the instance {@code deadInstance} (known dead;
   * {@code null} for none). Returns whether it did.
   */
  public boolean replace(Holder holder, long now, long lapsedBefore, String deadInstance) {
    return db.update(
            sql.replace(),
            holder.instanceId(), holder.host(), holder.pid(), holder.appVersion(), now, now,
            holder.executorId(), lapsedBefore, deadInstance)
        == 1;
  }

  public Optional<ExecutorRow> find(String executorId) {
    return db.query(sql.selectOne(), ExecutorStore::read, executorId).stream().findFirst();
  }

  /** Every executor that ever announced itself here, oldest first. */
  public List<ExecutorRow> all() {
    return db.query(sql.selectAll(), ExecutorStore::read);
  }

  /** Renews the holder's heartbeat; {@code false} if it no longer holds the ID or was taken over. */
  public boolean heartbeat(String executorId, String instanceId, long now) {
    return db.update(sql.heartbeat(), now, executorId, instanceId) == 1;
  }

  /**
   * What {@link #registerVersion} found: the application that owns the version when it is
   * another's, and the version DBOS's clients take as the application's latest.
   */
  public record VersionRegistration(Optional<String> otherOwner, Optional<String> latest) {}

  /**
   * Registers {@code versionName} in DBOS's {@code application_versions} as {@code appName}'s, as
   * DBOS's own launches do (DBOS's clients enqueue a schedule's runs on the latest version of its
   * application): a row of that version no application owns is claimed, and one is added if there
   * is none. A version another application owns is left as it was. In the same transaction it
   * reads the application's latest version: its own or no application's, newest first.
   */
  public VersionRegistration registerVersion(String versionName, String appName) {
    return db.inTransaction(c -> {
      int claimed;
      try (PreparedStatement s = c.prepareStatement(sql.claimVersion())) {
        Jdbc.bind(s, appName, versionName);
        claimed = s.executeUpdate();
      }
      if (claimed == 0) {
        try (PreparedStatement s = c.prepareStatement(sql.insertVersion())) {
          Jdbc.bind(s, UUID.randomUUID().toString(), versionName, appName);
          s.executeUpdate();
        }
      }
      String owner = firstOf(c, sql.selectVersionOwner(), versionName);
      Optional<String> otherOwner = owner == null || owner.equals(appName) ? Optional.empty() : Optional.of(owner);
      return new VersionRegistration(otherOwner, Optional.ofNullable(firstOf(c, sql.selectLatestVersion(), appName)));
    });
  }

  /** The first column of the first row {@code query} returns, or {@code null}. */
  private static String firstOf(Connection c, String query, String bind) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(query)) {
      Jdbc.bind(s, bind);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Records which recorded workflows the code now holding {@code executorId} can run. */
  public void recordScope(String executorId, RunnableScope scope) {
    db.update(sql.recordScope(), executorId, scope.appVersion(), scope.fingerprintsJson());
  }

  /**
   * What the code last holding each executor ID can run, by executor ID; empty on a database no
   * process of this release has launched on (only DBOS's own, or an earlier io.dbosj's, ran there).
   */
  public java.util.Map<String, RunnableScope> scopes() {
    java.util.Map<String, RunnableScope> scopes = new java.util.LinkedHashMap<>();
    List<Object[]> rows;
    try {
      rows = db.query(sql.selectScopes(), rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)});
    } catch (RuntimeException e) {
      if (isMissingTable(e, "dbosj_executor_scopes")) {
        return scopes;
      }
      throw e;
    }
    for (Object[] row : rows) {
      scopes.put((String) row[0], new RunnableScope((String) row[1], (String) row[2]));
    }
    return scopes;
  }

  private static boolean isMissingTable(Throwable e, String table) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (message.contains(table) && (message.contains("does not exist") || message.contains("no such table"))) {
        return true;
      }
    }
    return false;
  }

  /** A workflow's status, application version and recorded fingerprint ({@code null} if none). */
  public record WorkflowScope(String status, String appVersion, String fingerprint) {}

  /** {@link WorkflowScope} of a recorded workflow, if it is recorded. */
  public Optional<WorkflowScope> workflowScope(String workflowId) {
    return db.query(
            sql.selectWorkflowScope(), rs -> new WorkflowScope(rs.getString(1), rs.getString(2), rs.getString(3)),
            workflowId)
        .stream()
        .findFirst();
  }

  /** Marks the holder stopped (its heartbeat ends now). */
  public boolean stop(String executorId, String instanceId, long now) {
    return db.update(sql.stop(), now, now, executorId, instanceId) == 1;
  }

  /**
   * Executors other than {@code self}, not taken over, heartbeat older than {@code lapsedBefore},
   * owning PENDING work that {@code scope} admits.
   */
  public List<String> lapsed(String self, long lapsedBefore, RunnableScope scope) {
    return db.query(
        sql.selectLapsed(), rs -> rs.getString(1), self, lapsedBefore, scope.appVersion(), scope.fingerprintsJson());
  }

  /**
   * Takes over a lapsed executor's work, in one transaction: marks its row taken over by {@code
   * claimer} if it still lapsed before {@code lapsedBefore} and nobody took it yet, and moves its
   * {@code PENDING} workflows that {@code scope} admits to {@code claimer}. Returns their IDs;
   * empty if another process claimed it first or its holder came back. If it owns workflows
   * {@code scope} leaves out, the mark is taken back, so a process that can run them takes them.
   */
  public List<String> claim(String lapsed, String claimer, long now, long lapsedBefore, RunnableScope scope) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement claim = c.prepareStatement(sql.claim())) {
            Jdbc.bind(claim, claimer, now, lapsed, lapsedBefore);
            if (claim.executeUpdate() != 1) {
              return List.of();
            }
          }
          List<String> ids = new ArrayList<>();
          try (PreparedStatement select = c.prepareStatement(sql.selectPendingIds())) {
            Jdbc.bind(select, lapsed, scope.appVersion(), scope.fingerprintsJson());
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
              }
            }
          }
          try (PreparedStatement reassign = c.prepareStatement(sql.reassignPending())) {
            Jdbc.bind(reassign, claimer, now, lapsed, scope.appVersion(), scope.fingerprintsJson());
            reassign.executeUpdate();
          }
          try (PreparedStatement release = c.prepareStatement(sql.releaseClaim())) {
            Jdbc.bind(release, lapsed, claimer, lapsed);
            release.executeUpdate();
          }
          return ids;
        });
  }

  /**
   * Marks an executor taken over by {@code claimer}, whatever its heartbeat: a takeover asked for
   * by hand. A live holder's next heartbeat then finds it lost its work.
   */
  public boolean markTakenOver(String executorId, String claimer, long now) {
    return db.update(sql.markTakenOver(), claimer, now, executorId) == 1;
  }

  private static ExecutorRow read(ResultSet rs) throws SQLException {
    return new ExecutorRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getLong(6),
        rs.getLong(7),
        Jdbc.nullableLong(rs, 8),
        rs.getString(9),
        Jdbc.nullableLong(rs, 10));
  }
}
