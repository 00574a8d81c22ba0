package io.dbosj.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the database itself allows for the same durable work: plain JDBC {@code INSERT; COMMIT}
 * round trips on the same PostgreSQL, in a database of its own.
 */
final class Floor {
  /** The minimum durable writes of a 3-step workflow: start; step 1; step 2; step 3 with the result. */
  static final int COMMITS_PER_WORKFLOW = 4;

  private static final String INSERT = "INSERT INTO floor (workflow_id, step, payload) VALUES (?, ?, ?)";

  private final BenchDatabases databases;
  private final String url;

  Floor(BenchDatabases databases) throws SQLException {
    this.databases = databases;
    this.url = databases.fresh("bench_floor");
    try (Connection c = databases.connect(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE floor (id BIGSERIAL PRIMARY KEY, workflow_id TEXT NOT NULL, step INT NOT NULL, payload TEXT)");
    }
  }

  /**
   * Times {@code count} "workflows" of {@link #COMMITS_PER_WORKFLOW} sequential insert+commit round
   * trips each; fills {@code workflowMillis} and {@code commitMillis} (one per commit).
   */
  void sequential(double[] workflowMillis, double[] commitMillis) throws SQLException {
    try (Connection c = databases.connect(url); PreparedStatement s = c.prepareStatement(INSERT)) {
      int k = 0;
      for (int w = 0; w < workflowMillis.length; w++) {
        long start = System.nanoTime();
        for (int step = 0; step < COMMITS_PER_WORKFLOW; step++) {
          long commit = System.nanoTime();
          insert(s, "wf-" + w, step);
          s.executeUpdate(); // autocommit: one INSERT + COMMIT round trip
          commitMillis[k++] = Stats.millisSince(commit);
        }
        workflowMillis[w] = Stats.millisSince(start);
      }
    }
  }

  /** Commits per second from {@code connections} connections, each inserting and committing in a loop. */
  double concurrentCommits(int connections, double seconds) throws Exception {
    return Callers.loops(connections, seconds, caller -> new Loop(1, caller));
  }

  /** Rows per second from one connection inserting {@code batch} rows per commit in a loop. */
  double batchedRows(int batch, double seconds) throws Exception {
    return Callers.loops(1, seconds, caller -> new Loop(batch, caller));
  }

  private static void insert(PreparedStatement s, String workflow, int step) throws SQLException {
    s.setString(1, workflow);
    s.setInt(2, step);
    s.setString(3, "\"output\"");
  }

  /** One connection committing {@code batch} rows per transaction. */
  private final class Loop implements Callers.Loop {
    private final int batch;
    private final String workflow;
    private final Connection connection;
    private final PreparedStatement insert;
    private int step;

    Loop(int batch, int caller) throws SQLException {
      this.batch = batch;
      this.workflow = "caller-" + caller;
      this.connection = databases.connect(url);
      connection.setAutoCommit(batch == 1);
      this.insert = connection.prepareStatement(INSERT);
    }

    @Override
    public long once() throws SQLException {
      if (batch == 1) {
        insert(insert, workflow, step++);
        insert.executeUpdate();
        return 1;
      }
      for (int i = 0; i < batch; i++) {
        insert(insert, workflow, step++);
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
      return batch;
    }

    @Override
    public void close() throws SQLException {
      insert.close();
      connection.close();
    }
  }
}
