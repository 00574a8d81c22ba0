package io.dbosj.examples.web;

import io.dbosj.DBOS;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowState;
import io.dbosj.WorkflowStatus;
import io.dbosj.examples.approval.Decision;
import io.dbosj.examples.approval.Expense;
import io.dbosj.examples.approval.ExpenseApproval;
import io.dbosj.examples.approval.ExpenseApprovalDurable;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The tutorial's approval part over HTTP. {@code POST /expenses} (form fields {@code employee},
 * {@code item}, {@code amount}) starts a review and answers once it waits for a decision; {@code
 * POST /approve/{id}} or {@code POST /reject/{id}} sends it the decision and answers with the
 * outcome; {@code GET /status/{id}} shows where it is. A review waits {@code $APPROVAL_TIMEOUT}
 * (ISO-8601, {@code PT5M} by default) and then ends {@code timed out}. Kill the app while a review
 * waits and start it again: the approval sent then completes it.
 */
public final class ApprovalApp {
  /** How long a review waits when {@code $APPROVAL_TIMEOUT} does not say. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /** How long {@code POST /expenses} waits for the new review to publish its status. */
  private static final Duration STARTING = Duration.ofSeconds(30);

  /** One decision per expense: a repeated or racing decision request sends no second message. */
  private static final String DECISION_KEY = "decision";

  private ApprovalApp() {}

  public static void main(String[] args) {
    DBOS dbos = DBOS.builder().appName("approval").build();
    ExpenseApprovalDurable approvals = new ExpenseApprovalDurable(dbos, timeout());
    dbos.launch();
    WebServer.serve(dbos, routes -> addRoutes(routes, dbos, approvals));
  }

  /** {@code $APPROVAL_TIMEOUT}, or {@link #DEFAULT_TIMEOUT}. */
  static Duration timeout() {
    String value = System.getenv("APPROVAL_TIMEOUT");
    if (value == null || value.isBlank()) {
      return DEFAULT_TIMEOUT;
    }
    try {
      Duration timeout = Duration.parse(value.trim());
      if (!timeout.isNegative() && !timeout.isZero()) {
        return timeout;
      }
    } catch (DateTimeParseException e) {
      // answered below, with the fix
    }
    throw new IllegalArgumentException(
        "APPROVAL_TIMEOUT must be a positive ISO-8601 duration such as PT5M or PT30S, not '" + value + "'");
  }

  /** The approval routes, for this app and for the tutorial's all-in-one app. */
  static void addRoutes(RoutesConfig routes, DBOS dbos, ExpenseApprovalDurable approvals) {
    routes.post("/expenses", ctx -> submit(ctx, dbos, approvals));
    routes.post("/approve/{id}", ctx -> decide(ctx, dbos, Decision.APPROVE));
    routes.post("/reject/{id}", ctx -> decide(ctx, dbos, Decision.REJECT));
    routes.get("/status/{id}", ctx -> status(ctx, dbos));
  }

  private static void submit(Context ctx, DBOS dbos, ExpenseApprovalDurable approvals) {
    Optional<Expense> expense = expense(ctx);
    if (expense.isEmpty()) {
      return;
    }
    String id = approvals.start(WebServer.options(ctx)).review(expense.get()).workflowId();
    // answered once the review waits, so the ID it prints is ready for /approve
    String status = event(dbos, id, STARTING).orElse("starting");
    ctx.status(HttpStatus.CREATED).result("Expense " + id + ": " + status + "\n");
  }

  private static void decide(Context ctx, DBOS dbos, Decision decision) {
    String id = ctx.pathParam("id");
    Optional<WorkflowStatus> review = review(dbos, id);
    if (review.isEmpty()) {
      answer(ctx, HttpStatus.NOT_FOUND, "No expense " + id);
      return;
    }
    if (review.get().state().isTerminal()) {
      answer(ctx, HttpStatus.CONFLICT, "Expense " + id + " is already " + outcome(dbos, review.get()));
      return;
    }
    dbos.sendMessage(id, decision, ExpenseApproval.DECISION, DECISION_KEY);
    String result = dbos.retrieveWorkflow(id, String.class).getResult();
    String outcome = event(dbos, id, Duration.ZERO).orElse("");
    if (!outcome.equals(decision.outcome())) {
      // another decision, or the timeout, came first
      answer(ctx, HttpStatus.CONFLICT, "Expense " + id + " is already " + outcome);
      return;
    }
    answer(ctx, HttpStatus.OK, "Expense " + id + ": " + outcome + ". " + result);
  }

  private static void status(Context ctx, DBOS dbos) {
    String id = ctx.pathParam("id");
    Optional<WorkflowStatus> review = review(dbos, id);
    if (review.isEmpty()) {
      answer(ctx, HttpStatus.NOT_FOUND, "No expense " + id);
      return;
    }
    String line = "Expense " + id + ": " + outcome(dbos, review.get());
    if (review.get().state() == WorkflowState.SUCCESS) {
      line += ". " + dbos.retrieveWorkflow(id, String.class).getResult();
    }
    answer(ctx, HttpStatus.OK, line);
  }

  /** The review workflow with this ID, if there is one (not another of the app's workflows). */
  private static Optional<WorkflowStatus> review(DBOS dbos, String id) {
    return dbos.listWorkflows(WorkflowFilter.all().workflowIds(id)).stream()
        .filter(w -> w.className().equals(ExpenseApproval.class.getName()))
        .findFirst();
  }

  /** The review's published status, or its workflow's state if it ended without one. */
  private static String outcome(DBOS dbos, WorkflowStatus review) {
    Optional<String> published = event(dbos, review.workflowId(), Duration.ZERO);
    boolean endedOtherwise = review.state().isTerminal() && review.state() != WorkflowState.SUCCESS;
    if (endedOtherwise || published.isEmpty()) {
      return review.state().name().toLowerCase(java.util.Locale.ROOT);
    }
    return published.get();
  }

  private static Optional<String> event(DBOS dbos, String id, Duration timeout) {
    return dbos.getWorkflowEvent(id, ExpenseApproval.STATUS, timeout, String.class);
  }

  /** The submitted expense, or empty after answering 400 with what is missing and how to send it. */
  private static Optional<Expense> expense(Context ctx) {
    String employee = ctx.formParam("employee");
    String item = ctx.formParam("item");
    String amount = ctx.formParam("amount");
    String usage = ": send -d employee=Ada -d 'item=Train to Lyon' -d amount=120";
    if (blank(employee) || blank(item) || blank(amount)) {
      answer(ctx, HttpStatus.BAD_REQUEST, "An expense needs an employee, an item and an amount" + usage);
      return Optional.empty();
    }
    try {
      int euros = Integer.parseInt(amount.trim());
      if (euros > 0) {
        return Optional.of(new Expense(employee.trim(), item.trim(), euros));
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    answer(ctx, HttpStatus.BAD_REQUEST, "The amount must be a positive whole number of euros, not '" + amount + "'" + usage);
    return Optional.empty();
  }

  private static boolean blank(String field) {
    return field == null || field.isBlank();
  }

  private static void answer(Context ctx, HttpStatus status, String message) {
    ctx.status(status).result(message + "\n");
  }
}
