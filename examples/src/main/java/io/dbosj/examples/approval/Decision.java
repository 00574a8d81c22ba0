package io.dbosj.examples.approval;

/**
 * A manager's answer to an expense report, the message {@link ExpenseApproval#review} waits for.
 * Stored as its name ({@code "APPROVE"}), so a client in any language can send one.
 */
public enum Decision {
  APPROVE("approved"),
  REJECT("rejected");

  private final String outcome;

  Decision(String outcome) {
    this.outcome = outcome;
  }

  /** The expense's status once this decision is taken. */
  public String outcome() {
    return outcome;
  }
}
