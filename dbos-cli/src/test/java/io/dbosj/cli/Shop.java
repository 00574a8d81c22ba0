package io.dbosj.cli;

import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.util.concurrent.CountDownLatch;

/** The app whose records the CLI tests inspect. */
public class Shop {
  private final CountDownLatch gate;

  public Shop(CountDownLatch gate) {
    this.gate = gate;
  }

  @Step
  public String reserve(String sku) {
    return "reserved-" + sku;
  }

  @Step
  public void waitAtGate() throws InterruptedException {
    gate.await();
  }

  @Workflow
  public String order(String sku) {
    return reserve(sku);
  }

  @Workflow
  public String refuse(String sku) {
    throw new IllegalStateException("out of stock: " + sku);
  }

  @Workflow
  public String slowOrder(String sku) throws InterruptedException {
    String reservation = reserve(sku);
    waitAtGate();
    return reservation;
  }
}
