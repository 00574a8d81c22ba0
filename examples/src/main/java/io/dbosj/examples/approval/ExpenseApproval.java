package io.dbosj.examples.approval;

import io.dbosj.DBOS;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.time.Duration;
import java.util.Optional;

/**
 * An expense report waiting for a manager: {@link #review} asks for a decision, publishes the
 * event {@code status = waiting}, and waits durably for a {@link Decision} message on the topic
 * {@code decision}, at most the timeout. Then it pays the expense, or not, and publishes the
 * outcome: {@code approved}, {@code rejected} or {@code timed out}.
 *
 * <p>The wait survives a crash: the deadline is recorded when the wait starts, so the workflow,
 * recovered in a restarted process, waits only what remains, and a decision sent after the
 * restart completes it. The steps before the wait do not run again.
 */
public class ExpenseApproval {
  /** The event the workflow publishes its progress in. */
  public static final String STATUS = "status";

  /** The topic of the {@link Decision} message. */
  public static final String DECISION = "decision";

  /** The status while a decision is awaited. */
  public static final String WAITING = "waiting";

  /** The status when no decision came in time. */
  public static final String TIMED_OUT = "timed out";

  private final Duration timeout;

  /** Reviews that wait at most {@code timeout} for a decision. */
  public ExpenseApproval(Duration timeout) {
    this.timeout = timeout;
  }

  @Step
  public void askForApproval(Expense expense) {
    System.out.println("Approval requested: " + expense);
  }

  @Step
  public void pay(Expense expense) {
    System.out.println("Paid " + expense);
  }

  @Workflow
  public String review(Expense expense) {
    askForApproval(expense);
    DBOS.setEvent(STATUS, WAITING);
    Optional<Decision> decision = DBOS.recv(DECISION, timeout, Decision.class);
    String outcome = decision.map(Decision::outcome).orElse(TIMED_OUT);
    String result;
    if (decision.isEmpty()) {
      result = "No decision in time: not paid " + expense;
    } else if (decision.get() == Decision.APPROVE) {
      pay(expense);
      result = "Paid " + expense;
    } else {
      result = "Rejected: not paid " + expense;
    }
    DBOS.setEvent(STATUS, outcome);
    System.out.println("Expense " + DBOS.workflowId() + " " + outcome);
    return result;
  }
}
