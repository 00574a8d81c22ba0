package io.dbosj.examples.web;

import io.dbosj.DBOS;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.time.Duration;

/**
 * The tutorial's first part over HTTP: {@code GET /} runs a workflow of two steps with five
 * one-second durable sleeps between them. Press Ctrl+C during the sleeps and start the app again:
 * step one does not run again, the sleeps resume, and step two runs once.
 */
public class WorkflowsApp {
  @Step
  public void stepOne() {
    System.out.println("Step one completed!");
  }

  @Step
  public void stepTwo() {
    System.out.println("Step two completed!");
  }

  @Workflow
  public String workflow() {
    stepOne();
    for (int i = 0; i < 5; i++) {
      System.out.println("Press Control + C to stop the app...");
      DBOS.sleep(Duration.ofSeconds(1));
    }
    stepTwo();
    return "Workflow completed";
  }

  public static void main(String[] args) {
    DBOS dbos = DBOS.builder().appName("workflows").build();
    WorkflowsAppDurable app = new WorkflowsAppDurable(dbos);
    dbos.launch();
    WebServer.serve(
        dbos, routes -> routes.get("/", ctx -> ctx.result(app.start(WebServer.options(ctx)).workflow().getResult())));
  }
}
