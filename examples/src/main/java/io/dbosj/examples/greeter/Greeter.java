package io.dbosj.examples.greeter;

import io.dbosj.DBOS;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;

/**
 * The tutorial's first program: one workflow of two steps. Compiling it generates {@code
 * GreeterDurable}; calling {@code greet()} through it records each step in {@code greeter.sqlite}
 * (no database to install), so a run interrupted between the steps is finished by the next one.
 */
public class Greeter {
  @Step
  public void stepOne() {
    System.out.println("Step one completed!");
  }

  @Step
  public void stepTwo() {
    System.out.println("Step two completed!");
  }

  @Workflow
  public void greet() {
    stepOne();
    stepTwo();
  }

  public static void main(String[] args) {
    try (DBOS dbos = DBOS.builder().appName("greeter").build()) {
      GreeterDurable greeter = new GreeterDurable(dbos);
      dbos.launch();
      greeter.greet();
    }
  }
}
