package com.example;

import io.dbosj.annotation.Scheduled;
import io.dbosj.annotation.Workflow;
import java.time.Instant;

public class Reports {
  @Workflow
  @Scheduled("*/5 * * * * *")
  public void everyFiveSeconds(Instant scheduledTime, Instant actualTime) {}

  @Workflow(name = "weekday")
  @Scheduled(cron = "0 9 * * MON-FRI", zone = "Europe/Paris", maxCatchUp = 3)
  public void weekdayMorning(Instant scheduledTime, Instant actualTime) {}
}
