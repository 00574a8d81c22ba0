package io.dbosj.examples.web;

import io.dbosj.DBOS;
import io.dbosj.examples.transactions.CounterDurable;

/**
 * The tutorial's transactions part over HTTP: {@code GET /} inserts a row into {@code
 * example_table} and counts the rows, each exactly once. Run {@code dbos migrate} first.
 */
public final class TransactionsApp {
  private TransactionsApp() {}

  public static void main(String[] args) {
    DBOS dbos = DBOS.builder().build();
    CounterDurable counter = new CounterDurable(dbos);
    dbos.launch();
    WebServer.serve(
        dbos,
        routes ->
            routes.get(
                "/",
                ctx -> ctx.result("Row count: " + counter.start(WebServer.options(ctx)).insertAndCount().getResult())));
  }
}
