package com.example;

import io.dbosj.annotation.Isolation;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Transaction;
import java.io.FileNotFoundException;
import java.io.IOException;

public class Pricing {
  @Step
  public double quote(String sku) {
    return 1.5;
  }

  @Step(
      maxAttempts = 3,
      retryOn = {IOException.class, IllegalStateException.class},
      noRetryFor = FileNotFoundException.class,
      timeoutSeconds = 2.5)
  public String catalog(String url) throws IOException {
    return url;
  }

  @Transaction(isolation = Isolation.SERIALIZABLE, readOnly = true)
  public int stock(String sku) {
    return 3;
  }
}
