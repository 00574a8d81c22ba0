package com.example;

import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;

/** Package-private class and constructors: so is the generated class and its constructors. */
class Counter {
  private final int start;

  Counter(int start) {
    this.start = start;
  }

  private Counter() {
    this(0);
  }

  @Workflow
  int count(int times) {
    return start + increment(times);
  }

  @Step
  protected int increment(int by) {
    return by;
  }
}
