package io.dbosj.conformance;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.workflow.SerializationStrategy;
import dev.dbos.transact.workflow.Workflow;

/** {@link JavaShop} written for DBOS Transact Java, recording in DBOS's portable format. */
public class JavaShopImpl implements JavaShop {
  private final DBOS dbos;

  public JavaShopImpl(DBOS dbos) {
    this.dbos = dbos;
  }

  @Workflow(name = "order", serializationStrategy = SerializationStrategy.PORTABLE)
  @Override
  public String order(String sku) {
    return dbos.runStep(() -> "reserved-" + sku, "reserve");
  }

  @Workflow(name = "refuse", serializationStrategy = SerializationStrategy.PORTABLE)
  @Override
  public String refuse(String sku) {
    throw new IllegalStateException("out of stock: " + sku);
  }
}
