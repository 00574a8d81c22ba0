package io.dbosj.bench;

import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;

/** The measured io.dbosj workflows: three no-op steps, a no-op task, and one whose first step can block. */
public class BenchFlows {
  @Step
  public String one() {
    return "a";
  }

  @Step
  public String two() {
    return "b";
  }

  @Step
  public String three() {
    return "c";
  }

  @Workflow
  public String threeSteps() {
    one();
    two();
    three();
    return "done";
  }

  /** Enqueued on its own, a step runs as a workflow of that one step (W3). */
  @Step
  public String task(int i) {
    return "t";
  }

  /** A first step that blocks while the {@link Gate} is closed (W4). */
  @Step
  public String held() {
    return Gate.pass();
  }

  /** Three steps, the first of which blocks while the {@link Gate} is closed (W4). */
  @Workflow
  public String stuck() {
    held();
    two();
    three();
    return "done";
  }
}
