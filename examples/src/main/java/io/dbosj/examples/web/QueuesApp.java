package io.dbosj.examples.web;

import io.dbosj.DBOS;
import io.dbosj.examples.queues.StepFanOut;
import io.dbosj.examples.queues.StepFanOutDurable;

/**
 * The tutorial's queue part over HTTP: {@code GET /} enqueues ten steps, five run at a time, and
 * the response comes when all are done. Kill the app halfway and start it again: only the
 * unfinished steps run.
 */
public final class QueuesApp {
  private QueuesApp() {}

  public static void main(String[] args) {
    DBOS dbos = DBOS.builder().appName("queues").build();
    dbos.register(StepFanOut.QUEUE);
    StepFanOutDurable steps = new StepFanOutDurable(dbos);
    dbos.launch();
    WebServer.serve(
        dbos,
        routes ->
            routes.get(
                "/",
                ctx -> ctx.result("Completed " + steps.start(WebServer.options(ctx)).fanOut().getResult() + " steps")));
  }
}
