package io.dbosj.examples.approval;

/**
 * An expense report: who paid, what for, and how much (in whole euros), as the submitting request
 * gives it.
 */
public record Expense(String employee, String item, int amount) {

  @Override
  public String toString() {
    return amount + " EUR to " + employee + " for " + item;
  }
}
