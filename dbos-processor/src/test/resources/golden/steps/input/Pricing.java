package com.example;

import io.dbosj.annotation.Isolation;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Transaction;

public class Pricing {
  @Step
  public double quote(String sku) {
    return 1.5;
  }

  @Transaction(isolation = Isolation.SERIALIZABLE, readOnly = true)
  public int stock(String sku) {
    return 3;
  }
}
