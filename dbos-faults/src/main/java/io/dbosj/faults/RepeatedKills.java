package io.dbosj.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Scenario 1: the mixed workload, SIGKILLed at random moments, started again each time (every start
 * submits every workflow again, by ID, which must never run one twice), then left to finish.
 */
final class RepeatedKills {
  private static final int STEP_MILLIS = 100;

  private final Options options;
  private final Random random;

  RepeatedKills(Options options, Random random) {
    this.options = options;
    this.random = random;
  }

  Figures run(FaultDatabase db, Path dir) throws Exception {
    Figures figures = new Figures("1 repeated SIGKILL", db.kind());
    db.createTransactionTable();
    for (int k = 0; k < options.kills; k++) {
      try (ChildJvm child = start(db, dir, "run-" + k)) {
        child.await("LAUNCHED", 60_000);
        Thread.sleep(200 + random.nextInt(1300));
        if (child.findLine("DONE") != null) {
          figures.notes.add("the workload finished before kill " + (k + 1) + "; no more kills");
          break;
        }
        if (child.kill()) {
          figures.kills++;
        }
      }
    }
    try (ChildJvm last = start(db, dir, "finish")) {
      String done = last.await("DONE", 180_000);
      figures.notes.add("the finishing run printed: " + done);
    } catch (IllegalStateException e) {
      figures.failures.add("the finishing run did not finish: " + e.getMessage());
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < options.workflows; i++) {
      expected.add(ChildMain.mixedId(i));
    }
    Workflows.count(db.statuses(""), expected, figures);
    figures.duplicates += (int) db.doubledTransactions();
    Workflows.judge(SideEffects.read(dir), db, figures);
    figures.notes.add(options.workflows + " submitted (chains of 5 steps, fan-outs of 4 queue tasks, "
        + "transactions), the rest of the workflows are queue tasks; kills 0.2 to 1.5 s after each launch");
    figures.failOnLossesAndDuplicates();
    return figures;
  }

  private ChildJvm start(FaultDatabase db, Path dir, String name) throws Exception {
    return ChildJvm.start(name, dir.resolve(name + ".log"), "mixed", db.dbosUrl(),
        dir.resolve(name + ".ledger").toString(), "-", Integer.toString(options.workflows),
        Integer.toString(STEP_MILLIS));
  }
}
