package io.dbosj.faults;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scenario 2: the suite's own PostgreSQL cluster restarted (fast: every connection terminated),
 * or stopped for 10 s, while a child JVM starts and runs workflows. Nothing may end ERROR because
 * of it, nothing may be lost, and the workflows in flight when it went down must finish once it is
 * back: the time that takes is the recovery time.
 */
final class DatabaseOutage {
  /** The two outages. */
  enum Kind { RESTART, STOP_10_S }

  private static final String DATABASE = "dbosj_faults_outage";
  private static final long DRAIN_MILLIS = 90_000;

  private final Options options;

  DatabaseOutage(Options options) {
    this.options = options;
  }

  Figures run(Kind kind, Path dir) throws Exception {
    Figures figures = new Figures(kind == Kind.RESTART ? "2a PostgreSQL restart" : "2b PostgreSQL stopped 10 s",
        "PostgreSQL (own)");
    int count = kind == Kind.RESTART ? 240 : 480;
    try (PostgresCluster cluster = PostgresCluster.create(options.postgresBin, options.clusterPort)) {
      cluster.start();
      try (FaultDatabase db = FaultDatabase.postgres(cluster.server(), DATABASE)) {
        db.createTransactionTable();
        try (ChildJvm child = ChildJvm.start("load", dir.resolve("load.log"), "paced", db.dbosUrl(),
            dir.resolve("load.ledger").toString(), "-", Integer.toString(count), "50", "25")) {
          child.await("LAUNCHED", 60_000);
          Thread.sleep(2_500);
          Set<String> inFlight = unfinished(db);
          if (kind == Kind.RESTART) {
            cluster.restart();
          } else {
            cluster.stop();
            Thread.sleep(10_000);
            cluster.start();
          }
          long back = System.nanoTime();
          boolean recovered = Workflows.await(() -> allFinished(db, inFlight), 60_000);
          figures.recoverSeconds = recovered ? (System.nanoTime() - back) / 1e9 : Double.POSITIVE_INFINITY;
          figures.notes.add(inFlight.size() + " workflows in flight when the database went down"
              + (recovered ? "" : "; not all finished within 60 s of it being back"));
          Workflows.await(() -> child.findLineQuietly("SUBMITTED") != null
              && unfinished(db).isEmpty(), DRAIN_MILLIS);
          String submitted = child.findLineQuietly("SUBMITTED");
          figures.notes.add("the load child " + (child.isAlive() ? "was alive" : "had exited") + " at the end; "
              + (submitted == null ? "it never finished submitting" : "it printed: " + submitted));
        }
        Workflows.count(db.statuses(""), List.of(), figures);
        figures.duplicates += (int) db.doubledTransactions();
        Workflows.judge(SideEffects.read(dir), db, figures);
      }
    }
    figures.failOnLossesAndDuplicates();
    return figures;
  }

  private static Set<String> unfinished(FaultDatabase db) {
    Map<String, String> statuses = Workflows.statusesOrEmpty(db, "");
    return statuses.entrySet().stream().filter(e -> !Workflows.FINISHED.contains(e.getValue()))
        .map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  private static boolean allFinished(FaultDatabase db, Set<String> ids) {
    Map<String, String> statuses = Workflows.statusesOrEmpty(db, "");
    return !statuses.isEmpty() && ids.stream().allMatch(id -> Workflows.FINISHED.contains(statuses.get(id)));
  }
}
