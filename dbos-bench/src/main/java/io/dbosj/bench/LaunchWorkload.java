package io.dbosj.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * W6: {@code launch()} on an empty database, in this JVM after a warm-up launch, and first in a new
 * JVM. The floor does in plain JDBC what any launch there must: connect and create the system
 * tables ({@link FloorLaunch}).
 */
final class LaunchWorkload extends Workload {
  LaunchWorkload(BenchDatabases databases, Options options) {
    super(databases, options);
  }

  /** One column's launch: ms in this JVM on a fresh database of its own. */
  private interface Launch {
    double millis() throws Exception;
  }

  @Override
  void run(Report report) throws Exception {
    Report.Row warm = report.add("W6", "build + launch() on an empty database, warm JVM",
        "median; a fresh database each round, made before the clock starts; floor: connect and create"
            + " the system tables in plain JDBC");
    Report.Row first = report.add("W6", "build + launch() on an empty database, first in a new JVM",
        "median of one child JVM per round; detail: the child process from exec to exit");
    Report.Row withArchive = report.add("W6", "build + launch() on an empty database, new JVM with AppCDS",
        "as above, the JVM started with -XX:SharedArchiveFile= an archive that one training launch of the"
            + " same column wrote with -XX:ArchiveClassesAtExit");
    List<Report.Row> rows = List.of(warm, first, withArchive);
    guarded("W6 " + Report.Column.FLOOR.title, Report.Column.FLOOR, rows, () ->
        measure(Report.Column.FLOOR, Child.FLOOR, rows,
            () -> FloorLaunch.launchMillis(databases, databases.fresh("bench_floor")),
            () -> databases.fresh("bench_floor")));
    for (Engine engine : ENGINES) {
      guarded("W6 " + engine.column.title, engine.column, rows, () ->
          measure(engine.column, engine.name(), rows,
              () -> engine.launchMillis(databases, engine.freshDatabase(databases)),
              () -> engine.freshDatabase(databases)));
    }
  }

  private interface FreshDatabase {
    String url() throws Exception;
  }

  private void measure(Report.Column column, String subject, List<Report.Row> rows, Launch launch,
      FreshDatabase fresh) throws Exception {
    Report.Row warm = rows.get(0);
    Report.Row first = rows.get(1);
    Report.Row withArchive = rows.get(2);
    launch.millis(); // warm-up
    double[] millis = new double[options.rounds()];
    for (int r = 0; r < millis.length; r++) {
      millis[r] = launch.millis();
    }
    warm.cells().put(column, new Report.Cell(Stats.median(millis), "ms", Stats.spread(millis)));

    first.cells().put(column, newJvmRounds(List.of(), subject, fresh));

    Path archive = Files.createTempDirectory("dbos-bench-w6").resolve(subject + ".jsa");
    try {
      Process training = Child.start(List.of("-XX:ArchiveClassesAtExit=" + archive), "launch", subject, fresh.url(),
          options.postgres());
      Child.await(training, "LAUNCH ");
      training.waitFor(60, TimeUnit.SECONDS);
      if (!Files.exists(archive)) {
        throw new IllegalStateException("the training run wrote no AppCDS archive at " + archive);
      }
      withArchive.cells().put(column, newJvmRounds(List.of("-XX:SharedArchiveFile=" + archive), subject, fresh));
    } finally {
      Files.deleteIfExists(archive);
      Files.deleteIfExists(archive.getParent());
    }
  }

  /** The first launch in a new child JVM per round, started with {@code jvmOptions}. */
  private Report.Cell newJvmRounds(List<String> jvmOptions, String subject, FreshDatabase fresh) throws Exception {
    double[] firsts = new double[options.rounds()];
    double[] processes = new double[options.rounds()];
    for (int r = 0; r < firsts.length; r++) {
      String url = fresh.url();
      long start = System.nanoTime();
      Process child = Child.start(jvmOptions, "launch", subject, url, options.postgres());
      String line = Child.await(child, "LAUNCH ");
      child.waitFor(60, TimeUnit.SECONDS);
      processes[r] = Stats.millisSince(start);
      firsts[r] = Double.parseDouble(line.substring("LAUNCH ".length()));
    }
    return new Report.Cell(Stats.median(firsts), "ms",
        String.format(Locale.ROOT, "process %.0f ms", Stats.median(processes)));
  }
}
