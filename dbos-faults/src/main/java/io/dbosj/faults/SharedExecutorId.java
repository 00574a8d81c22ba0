package io.dbosj.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 4: the tutorial app started twice with the default configuration, so both processes are
 * executor {@code local}: an every-second schedule in both, and slow chains started by the first,
 * still running when the second launches. No tick may run twice, no workflow in both processes.
 */
final class SharedExecutorId {
  private static final int CHAINS = 6;
  private static final int STEPS = 8;
  private static final int STEP_MILLIS = 400;

  private final Options options;

  SharedExecutorId(Options options) {
    this.options = options;
  }

  Figures run(FaultDatabase db, Path dir) throws Exception {
    Figures figures = new Figures("4 two processes, one executor ID", db.kind());
    try (ChildJvm first = app(db, dir, "first", CHAINS)) {
      first.await("LAUNCHED", 60_000);
      Thread.sleep(1_000);
      try (ChildJvm second = app(db, dir, "second", 0)) {
        second.await("LAUNCHED", 60_000);
        Thread.sleep(options.sharedSeconds * 1000L);
        Workflows.await(() -> Workflows.statusesOrEmpty(db, "shared-").values().stream()
            .filter(Workflows.FINISHED::contains).count() == CHAINS, 30_000);
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < CHAINS; i++) {
      expected.add("shared-" + i);
    }
    Workflows.count(db.statuses("shared-"), expected, figures);
    long failedTicks = db.statuses("sched-").values().stream()
        .filter(s -> s.equals("ERROR") || s.equals("MAX_RECOVERY_ATTEMPTS_EXCEEDED")).count();
    figures.errors += (int) failedTicks;
    SideEffects effects = SideEffects.read(dir);
    int ticks = effects.keys("tick/");
    int doubledTicks = effects.doneMoreThanOnce("tick/");
    int inBoth = effects.workflowsRunInSeveralProcesses("shared-");
    figures.duplicates += doubledTicks + inBoth;
    figures.notes.add(ticks + " ticks run, " + doubledTicks + " of them twice (must be 0); " + inBoth + " of "
        + CHAINS + " workflows ran in both processes (must be 0)");
    Workflows.judge(effects, db, figures);
    figures.failOnLossesAndDuplicates();
    return figures;
  }

  private static ChildJvm app(FaultDatabase db, Path dir, String name, int chains) throws Exception {
    return ChildJvm.start(name, dir.resolve(name + ".log"), "ticking", db.dbosUrl(),
        dir.resolve(name + ".ledger").toString(), "-", Integer.toString(chains), Integer.toString(STEPS),
        Integer.toString(STEP_MILLIS));
  }
}
