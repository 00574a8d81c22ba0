package com.example;

import io.dbosj.annotation.Step;

public class Pricing {
  @Step
  public double quote(String sku) {
    return 1.5;
  }
}
