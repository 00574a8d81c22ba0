package com.example;

import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.io.IOException;
import java.util.List;

public class Shop {
  private final String region;

  public Shop(String region) {
    this.region = region;
  }

  protected Shop() {
    this("eu");
  }

  @Step(maxAttempts = 3, intervalSeconds = 0.5, backoffRate = 2)
  public int reserve(String sku, int quantity) throws IOException {
    return quantity;
  }

  @Workflow
  public List<String> order(List<String> skus) throws IOException {
    reserve(skus.get(0), 1);
    return skus;
  }

  @Workflow(name = "audit", maxRecoveryAttempts = 5)
  protected void audit() {
    System.out.println(region);
  }
}
