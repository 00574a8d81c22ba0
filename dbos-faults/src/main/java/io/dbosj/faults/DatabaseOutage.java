package io.dbosj.faults;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scenario 2: the suite's own PostgreSQL cluster restarted (fast: every connection terminated),
 * or stopped for 10 s, while a child JVM starts and runs workflows. Nothing may end ERROR because
 * of it, nothing may be lost, and the workflows in flight when it went down must succeed once it is
 * back: the time that takes is the recovery time. Everything must have finished within
 * {@code --outage-deadline} of the database being back; what has not is lost.
 */
final class DatabaseOutage {
  /** The two outages. */
  enum Kind { RESTART, STOP_10_S }

  private static final String DATABASE = "dbosj_faults_outage";

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
          long deadline = System.currentTimeMillis() + options.outageDeadlineSeconds * 1000L;
          boolean finished = Workflows.await(() -> allFinished(db, inFlight), options.outageDeadlineSeconds * 1000L);
          double seconds = (System.nanoTime() - back) / 1e9;
          Map<String, String> now = Workflows.statusesOrEmpty(db, "");
          long failed = inFlight.stream().filter(id -> !"SUCCESS".equals(now.get(id))).count();
          figures.recoverSeconds = finished && failed == 0 ? seconds : Double.POSITIVE_INFINITY;
          figures.notes.add(inFlight.size() + " workflows in flight when the database went down; "
              + (!finished ? "not all finished within " + options.outageDeadlineSeconds + " s of it being back"
                  : failed == 0 ? "all succeeded " + String.format(java.util.Locale.ROOT, "%.1f", seconds)
                      + " s after it was back"
                  : failed + " of them did not succeed (never recovered)"));
          Workflows.await(() -> child.findLineQuietly("SUBMITTED") != null
              && unfinished(db).isEmpty(), Math.max(0, deadline - System.currentTimeMillis()));
          String submitted = child.findLineQuietly("SUBMITTED");
          figures.notes.add("the load child " + (child.isAlive() ? "was alive" : "had exited") + " at the end; "
              + (submitted == null ? "it never finished submitting" : "it printed: " + submitted));
        }
        Workflows.count(db.statuses(""), List.of(), figures);
        db.errors().forEach((id, error) -> figures.notes.add(
            "workflow " + id + " ended ERROR: " + error.substring(0, Math.min(600, error.length()))));
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
