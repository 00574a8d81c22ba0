package io.dbosj.bench;

/** The measured engines, each with the column it fills and how it gets a fresh database of its own. */
enum Engine {
  DBOSJ(Report.Column.DBOSJ, "bench_dbosj"),
  DBOSJ_SQLITE(Report.Column.DBOSJ_SQLITE, "bench_dbosj"),
  PEER(Report.Column.PEER, "bench_peer");

  final Report.Column column;
  private final String database;

  Engine(Report.Column column, String database) {
    this.column = column;
    this.database = database;
  }

  /** Drops and recreates this engine's database (a new temp file for SQLite); its DBOS-style URL. */
  String freshDatabase(BenchDatabases databases) throws Exception {
    return this == DBOSJ_SQLITE ? BenchDatabases.freshSqlite(database) : databases.fresh(database);
  }

  Subject open(BenchDatabases databases, String url) {
    return this == PEER
        ? new PeerSubject(BenchDatabases.jdbcOf(url), databases.user(), databases.password())
        : new DbosjSubject(url);
  }

  /** ms from building to launched on {@code url}, then closed. */
  double launchMillis(BenchDatabases databases, String url) {
    return this == PEER
        ? PeerSubject.launchMillis(BenchDatabases.jdbcOf(url), databases.user(), databases.password())
        : DbosjSubject.launchMillis(url);
  }
}
