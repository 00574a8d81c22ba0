package io.dbosj.bench;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.workflow.Workflow;

/** DBOS Transact Java's version of {@link BenchFlows}: steps through {@code runStep}. */
public class PeerFlowsImpl implements PeerFlows {
  private final DBOS dbos;

  public PeerFlowsImpl(DBOS dbos) {
    this.dbos = dbos;
  }

  @Workflow
  @Override
  public String threeSteps() {
    dbos.runStep(() -> "a", "one");
    dbos.runStep(() -> "b", "two");
    dbos.runStep(() -> "c", "three");
    return "done";
  }

  @Workflow
  @Override
  public String task(int i) {
    return dbos.runStep(() -> "t", "task");
  }

  @Workflow
  @Override
  public String stuck() {
    dbos.runStep(Gate::pass, "held");
    dbos.runStep(() -> "b", "two");
    dbos.runStep(() -> "c", "three");
    return "done";
  }
}
