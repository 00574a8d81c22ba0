package io.dbosj.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fault-injection program: runs the scenarios (repeated SIGKILLs, a PostgreSQL restart and
 * stop, a dead executor on a shared queue, two processes with one executor ID) in child JVMs, prints
 * their figures as a table and a verdict, and exits 1 on any loss, duplicate or stall. See
 * dbos-faults/README.md.
 */
public final class Faults {
  private Faults() {}

  /** A scenario that runs on a database the suite made for it. */
  private interface OnDatabase {
    Figures run(FaultDatabase db, Path dir) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    long started = System.nanoTime();
    Path work = options.work != null ? Files.createDirectories(options.work)
        : Files.createTempDirectory("dbosj-faults-");
    PostgresServer shared = PostgresServer.parse(options.postgres);
    Random random = new Random(options.seed);
    System.err.println("dbos-faults: seed " + options.seed + ", logs and ledgers in " + work
        + ", PostgreSQL " + shared);

    List<Figures> rows = new ArrayList<>();
    if (options.scenarios.contains("kills")) {
      RepeatedKills kills = new RepeatedKills(options, random);
      onEachDatabase(options, shared, work, "kills", "1 repeated SIGKILL", kills::run, rows);
    }
    if (options.scenarios.contains("outage")) {
      DatabaseOutage outage = new DatabaseOutage(options);
      for (DatabaseOutage.Kind kind : DatabaseOutage.Kind.values()) {
        String name = "outage-" + kind.name().toLowerCase(java.util.Locale.ROOT);
        Path dir = Files.createDirectories(work.resolve(name));
        rows.add(guarded(kind == DatabaseOutage.Kind.RESTART ? "2a PostgreSQL restart" : "2b PostgreSQL stopped 10 s",
            "PostgreSQL (own)", () -> outage.run(kind, dir)));
      }
    }
    if (options.scenarios.contains("takeover")) {
      DeadExecutorTakeover takeover = new DeadExecutorTakeover(options);
      onEachDatabase(options, shared, work, "takeover", "3 dead executor on a shared queue", takeover::run, rows);
    }
    if (options.scenarios.contains("shared-id")) {
      SharedExecutorId sharedId = new SharedExecutorId(options);
      onEachDatabase(options, shared, work, "sharedid", "4 two processes, one executor ID", sharedId::run, rows);
    }

    Report.print(rows, (System.nanoTime() - started) / 1e9, System.out);
    System.out.flush();
    System.exit(rows.stream().allMatch(Figures::passed) ? 0 : 1);
  }

  private static void onEachDatabase(Options options, PostgresServer shared, Path work, String name, String title,
      OnDatabase scenario, List<Figures> rows) throws Exception {
    if (options.databases.contains("postgres")) {
      Path dir = Files.createDirectories(work.resolve(name + "-postgres"));
      rows.add(guarded(title, "PostgreSQL", () -> {
        try (FaultDatabase db = FaultDatabase.postgres(shared, "dbosj_faults_" + name)) {
          return scenario.run(db, dir);
        }
      }));
    }
    if (options.databases.contains("sqlite")) {
      Path dir = Files.createDirectories(work.resolve(name + "-sqlite"));
      rows.add(guarded(title, "SQLite", () -> {
        try (FaultDatabase db = FaultDatabase.sqlite(dir)) {
          return scenario.run(db, dir);
        }
      }));
    }
  }

  private interface Run {
    Figures run() throws Exception;
  }

  /** Runs one scenario; one that throws becomes a failed row saying why, and the others still run. */
  private static Figures guarded(String title, String database, Run run) {
    long started = System.nanoTime();
    System.err.println("dbos-faults: " + title + " on " + database + " ...");
    Figures figures;
    try {
      figures = run.run();
    } catch (Exception | AssertionError e) {
      figures = new Figures(title, database);
      figures.failures.add("the scenario broke off: " + e);
    }
    System.err.printf(java.util.Locale.ROOT, "dbos-faults: %s on %s: %s in %.0f s%n", title, database,
        figures.passed() ? "pass" : "FAIL " + figures.failures, (System.nanoTime() - started) / 1e9);
    return figures;
  }
}
