package io.dbosj.examples.web;

import io.dbosj.DBOS;
import io.dbosj.examples.approval.ExpenseApprovalDurable;
import io.dbosj.examples.queues.StepFanOut;
import io.dbosj.examples.queues.StepFanOutDurable;
import io.dbosj.examples.scheduled.EverySecondDurable;
import io.dbosj.examples.transactions.CounterDurable;

/**
 * The tutorial, all together: {@code /workflow}, {@code /queue}, {@code /transaction} and the
 * approval routes ({@code /expenses}, {@code /approve/{id}}, {@code /reject/{id}}, {@code
 * /status/{id}}), plus the every-second scheduled workflow, in one app. Run {@code dbos migrate}
 * first.
 */
public final class AllTogetherApp {
  private AllTogetherApp() {}

  public static void main(String[] args) {
    DBOS dbos = DBOS.builder().build();
    dbos.register(StepFanOut.QUEUE);
    WorkflowsAppDurable workflows = new WorkflowsAppDurable(dbos);
    StepFanOutDurable steps = new StepFanOutDurable(dbos);
    CounterDurable counter = new CounterDurable(dbos);
    ExpenseApprovalDurable approvals = new ExpenseApprovalDurable(dbos, ApprovalApp.timeout());
    new EverySecondDurable(dbos);
    dbos.launch();
    WebServer.serve(
        dbos,
        routes -> {
          routes.get("/workflow", ctx -> ctx.result(workflows.start(WebServer.options(ctx)).workflow().getResult()));
          routes.get(
              "/queue",
              ctx -> ctx.result("Completed " + steps.start(WebServer.options(ctx)).fanOut().getResult() + " steps"));
          routes.get(
              "/transaction",
              ctx -> ctx.result("Row count: " + counter.start(WebServer.options(ctx)).insertAndCount().getResult()));
          ApprovalApp.addRoutes(routes, dbos, approvals);
        });
  }
}
