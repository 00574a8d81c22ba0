package io.dbosj.examples.web;

import io.dbosj.DBOS;
import io.dbosj.examples.queues.TaskFanOut;
import io.dbosj.examples.queues.TaskFanOutDurable;

/**
 * The tutorial's queue part over HTTP: {@code GET /} enqueues ten tasks, five run at a time, and
 * the response comes when all are done. Kill the app halfway and start it again: only the
 * unfinished tasks run.
 */
public final class QueuesApp {
  private QueuesApp() {}

  public static void main(String[] args) {
    DBOS dbos = DBOS.builder().appName("queues").build();
    dbos.register(TaskFanOut.QUEUE);
    TaskFanOutDurable tasks = new TaskFanOutDurable(dbos);
    dbos.launch();
    WebServer.serve(
        dbos,
        routes ->
            routes.get(
                "/",
                ctx -> ctx.result("Completed " + tasks.start(WebServer.options(ctx)).fanOut().getResult() + " tasks")));
  }
}
