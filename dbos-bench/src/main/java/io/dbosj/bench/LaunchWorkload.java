package io.dbosj.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** W6: {@code launch()} on an empty database, in this JVM after a warm-up launch, and first in a new JVM. */
final class LaunchWorkload extends Workload {
  LaunchWorkload(BenchDatabases databases, Options options) {
    super(databases, options);
  }

  @Override
  void run(Report report) throws Exception {
    Report.Row warm = report.add("W6", "build + launch() on an empty database, warm JVM",
        "median; a fresh database each round, made before the clock starts");
    Report.Row first = report.add("W6", "build + launch() on an empty database, first in a new JVM",
        "median of one child JVM per round; detail: the child process from exec to exit");
    warm.cells().put(Report.Column.FLOOR, Report.Cell.text("n/a"));
    first.cells().put(Report.Column.FLOOR, Report.Cell.text("n/a"));
    for (Engine engine : ENGINES) {
      guarded("W6 " + engine.column.title, engine.column, List.of(warm, first), () -> {
        engine.launchMillis(databases, engine.freshDatabase(databases)); // warm-up
        double[] millis = new double[options.rounds()];
        for (int r = 0; r < millis.length; r++) {
          millis[r] = engine.launchMillis(databases, engine.freshDatabase(databases));
        }
        warm.cells().put(engine.column, new Report.Cell(Stats.median(millis), "ms", Stats.spread(millis)));

        double[] firsts = new double[options.rounds()];
        double[] processes = new double[options.rounds()];
        for (int r = 0; r < firsts.length; r++) {
          String url = engine.freshDatabase(databases);
          long start = System.nanoTime();
          Process child = Child.start("launch", engine, url, options.postgres());
          String line = Child.await(child, "LAUNCH ");
          child.waitFor(60, TimeUnit.SECONDS);
          processes[r] = Stats.millisSince(start);
          firsts[r] = Double.parseDouble(line.substring("LAUNCH ".length()));
        }
        first.cells().put(engine.column, new Report.Cell(Stats.median(firsts), "ms",
            String.format(java.util.Locale.ROOT, "process %.0f ms", Stats.median(processes))));
      });
    }
  }
}
