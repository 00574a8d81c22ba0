package io.dbosj.examples.scheduled;

import io.dbosj.DBOS;
import io.dbosj.annotation.Scheduled;
import io.dbosj.annotation.Workflow;
import java.time.Instant;

/**
 * The tutorial's scheduled program: a workflow that runs every second. It runs for the number of
 * seconds given as its argument (5 by default), then stops.
 */
public class EverySecond {
  @Workflow
  @Scheduled("* * * * * *")
  public void runEverySecond(Instant scheduledTime, Instant actualTime) {
    System.out.println("I am a scheduled workflow. It is currently " + scheduledTime + ".");
  }

  public static void main(String[] args) throws InterruptedException {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
    try (DBOS dbos = DBOS.builder().appName("scheduled").build()) {
      new EverySecondDurable(dbos);
      dbos.launch();
      Thread.sleep(seconds * 1_000);
    }
  }
}
