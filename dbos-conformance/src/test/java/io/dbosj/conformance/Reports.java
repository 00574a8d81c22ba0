package io.dbosj.conformance;

import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What schedules start in the conformance tests: notes each tick with the schedule's context. */
public class Reports {
  final List<String> ticks = new CopyOnWriteArrayList<>();

  @Step
  public void note(String entry) {
    ticks.add(entry);
  }

  @Workflow
  public void report(Instant scheduledTime, String context) {
    note(scheduledTime + "|" + context);
  }
}
