package io.dbosj.conformance;

import io.dbosj.DBOS;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Transaction;
import io.dbosj.annotation.Workflow;

/** The io.dbosj app whose records DBOS's tools read and steer. */
public class Shop {
  private final Gates gates;

  public Shop(Gates gates) {
    this.gates = gates;
  }

  @Step
  public String reserve(String sku) {
    return "reserved-" + sku;
  }

  @Transaction
  public String recordOrder(String sku) {
    return DBOS.sql().fetchValue("SELECT CAST(? AS TEXT) || CAST(? AS TEXT)", "recorded-", sku).toString();
  }

  @Step
  public void waitAtGate(String sku) throws InterruptedException {
    gates.await(sku);
  }

  /** A step, then a transaction: both show in DBOS's {@code workflow steps}. */
  @Workflow
  public String order(String sku) {
    String reservation = reserve(sku);
    recordOrder(sku);
    return reservation;
  }

  @Workflow
  public String refuse(String sku) {
    throw new IllegalStateException("out of stock: " + sku);
  }

  /** Held at its second step until the test opens the gate named {@code sku}. */
  @Workflow
  public String heldOrder(String sku) throws InterruptedException {
    String reservation = reserve(sku);
    waitAtGate(sku);
    return reservation;
  }

  @Workflow
  public Receipt receipt(String sku, int quantity) {
    return new Receipt(sku, quantity);
  }

  /** Takes what a DBOS client sends as a plain object. */
  @Workflow
  public String describe(Receipt receipt) {
    return receipt.quantity() + " x " + receipt.sku();
  }

  /** What DBOS's clients enqueue by name. */
  @Workflow
  public String greet(String name, int times) {
    return ("hello, " + name + "! ").repeat(times).trim();
  }
}
