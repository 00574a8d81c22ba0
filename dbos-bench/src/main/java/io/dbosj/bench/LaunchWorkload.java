package io.dbosj.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * W6: {@code launch()} on an empty database, in this JVM after a warm-up launch, first in a new
 * JVM, and first in a new JVM with an AppCDS archive. The floor does in plain JDBC what any launch
 * there must: connect and create the system tables ({@link FloorLaunch}). The rows in new JVMs
 * measure their columns round by round in turn, so a noisy stretch of the machine falls on all of
 * them alike.
 */
final class LaunchWorkload extends Workload {
  LaunchWorkload(BenchDatabases databases, Options options) {
    super(databases, options);
  }

  /** One column of W6: how it launches in this JVM, its name for a child JVM, and its fresh database. */
  private record Subject(String childName, Launch launch, FreshDatabase fresh) {}

  private interface Launch {
    double millis() throws Exception;
  }

  private interface FreshDatabase {
    String url() throws Exception;
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

    Map<Report.Column, Subject> subjects = new LinkedHashMap<>();
    subjects.put(Report.Column.FLOOR, new Subject(Child.FLOOR,
        () -> FloorLaunch.launchMillis(databases, databases.fresh("bench_floor")),
        () -> databases.fresh("bench_floor")));
    for (Engine engine : ENGINES) {
      subjects.put(engine.column, new Subject(engine.name(),
          () -> engine.launchMillis(databases, engine.freshDatabase(databases)),
          () -> engine.freshDatabase(databases)));
    }

    Interleaved inNewJvms = new Interleaved();
    subjects.forEach((column, subject) ->
        inNewJvms.add(column, () -> new Interleaved.Contender(() -> newJvm(List.of(), subject), null)));
    put(first, inNewJvms.run("W6 new JVM", options.rounds(), List.of(first)));

    Interleaved withArchives = new Interleaved();
    subjects.forEach((column, subject) -> withArchives.add(column, () -> {
      Path directory = Files.createTempDirectory("dbos-bench-w6");
      Path archive = directory.resolve(subject.childName() + ".jsa");
      AutoCloseable cleanUp = () -> {
        Files.deleteIfExists(archive);
        Files.deleteIfExists(directory);
      };
      newJvm(List.of("-XX:ArchiveClassesAtExit=" + archive), subject); // the training launch
      if (!Files.exists(archive)) {
        cleanUp.close();
        throw new IllegalStateException("the training launch wrote no AppCDS archive at " + archive);
      }
      return new Interleaved.Contender(() -> newJvm(List.of("-XX:SharedArchiveFile=" + archive), subject), cleanUp);
    }));
    put(withArchive, withArchives.run("W6 AppCDS", options.rounds(), List.of(withArchive)));

    // last, so no engine of this JVM winds down its threads while the child JVMs run; and one
    // column after the other, for the same reason
    subjects.forEach((column, subject) -> guarded("W6 warm " + column.title, column, List.of(warm), () -> {
      subject.launch().millis(); // warm-up
      double[] millis = new double[options.rounds()];
      for (int r = 0; r < millis.length; r++) {
        millis[r] = subject.launch().millis();
      }
      warm.cells().put(column, new Report.Cell(Stats.median(millis), "ms", Stats.spread(millis)));
    }));
  }

  /** The first launch in a new child JVM started with {@code jvmOptions}: its ms, and the whole process's. */
  private double[] newJvm(List<String> jvmOptions, Subject subject) throws Exception {
    String url = subject.fresh().url();
    long start = System.nanoTime();
    Process child = Child.start(jvmOptions, "launch", subject.childName(), url, options.postgres());
    String line = Child.await(child, "LAUNCH ");
    child.waitFor(60, TimeUnit.SECONDS);
    return new double[] {Double.parseDouble(line.substring("LAUNCH ".length())), Stats.millisSince(start)};
  }

  private static void put(Report.Row row, Map<Report.Column, List<double[]>> results) {
    results.forEach((column, rounds) -> {
      double[] launches = Interleaved.firsts(rounds);
      double[] processes = rounds.stream().mapToDouble(r -> r[1]).toArray();
      row.cells().put(column, new Report.Cell(Stats.median(launches), "ms",
          String.format(Locale.ROOT, "process %.0f ms", Stats.median(processes))));
    });
  }
}
