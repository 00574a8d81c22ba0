package com.example;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.annotation.Isolation;
import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import io.dbosj.internal.runtime.DurableObject;
import java.io.FileNotFoundException;
import java.io.IOException;
import javax.annotation.processing.Generated;

/**
 * Durable {@link Pricing}: its workflows and steps are recorded through {@code DBOS}.
 * Written by io.dbosj's annotation processor; edit {@link Pricing} instead.
 */
@Generated("io.dbosj.processor.DurableProcessor")
public final class PricingDurable extends Pricing {
  private static final DurableMethod<Double> QUOTE = DurableMethod.step("quote", TypeToken.of(double.class))
      .param("sku", TypeToken.of(String.class));

  private static final DurableMethod<String> CATALOG = DurableMethod.step("catalog", TypeToken.of(String.class))
      .param("url", TypeToken.of(String.class))
      .maxAttempts(3)
      .timeoutSeconds(2.5)
      .retryOn(IOException.class, IllegalStateException.class)
      .noRetryFor(FileNotFoundException.class)
      .rebuilds(IOException.class, IOException::new);

  private static final DurableMethod<Integer> STOCK = DurableMethod.transaction("stock", TypeToken.of(int.class))
      .param("sku", TypeToken.of(String.class))
      .isolation(Isolation.SERIALIZABLE)
      .readOnly();

  private static final DurableClass<PricingDurable> CLASS = DurableClass.<PricingDurable>builder("com.example.Pricing")
      .add(QUOTE, (self, args) -> self.quote((String) args[0]))
      .add(CATALOG, (self, args) -> self.catalog((String) args[0]))
      .add(STOCK, (self, args) -> self.stock((String) args[0]))
      .build();

  private final DurableObject durable;

  public PricingDurable(DBOS dbos) {
    super();
    this.durable = DurableObject.register(dbos, this, CLASS, "");
  }

  public PricingDurable(String instanceName, DBOS dbos) {
    super();
    this.durable = DurableObject.register(dbos, this, CLASS, instanceName);
  }

  @Override
  public double quote(String sku) {
    return this.durable.step(QUOTE, new Object[] {sku}, () -> super.quote(sku));
  }

  @Override
  public String catalog(String url) throws IOException {
    return this.durable.step(CATALOG, new Object[] {url}, () -> super.catalog(url));
  }

  @Override
  public int stock(String sku) {
    return this.durable.transaction(STOCK, new Object[] {sku}, () -> super.stock(sku));
  }

  /**
   * Starts a workflow of this object in the background, e.g.
   * {@code start(StartOptions.id("order-42")).quote(...)}, and returns its handle once it is
   * durably recorded. A step started this way runs as a workflow of that one step.
   */
  public Starter start(StartOptions options) {
    return new Starter(options);
  }

  /**
   * Enqueues a workflow of this object on {@code queue}, e.g.
   * {@code enqueue(queue).quote(...)}, and returns its handle once it is durably recorded.
   */
  public Starter enqueue(Queue queue) {
    return new Starter(StartOptions.defaults().queue(queue));
  }

  /**
   * The workflows and steps of {@link Pricing}, each started or enqueued in the background,
   * returning a handle.
   */
  public final class Starter {
    private final StartOptions options;

    private Starter(StartOptions options) {
      this.options = options;
    }

    public WorkflowHandle<Double> quote(String sku) {
      return PricingDurable.this.durable.start(this.options, QUOTE, new Object[] {sku},
          () -> PricingDurable.super.quote(sku));
    }

    public WorkflowHandle<String> catalog(String url) {
      return PricingDurable.this.durable.start(this.options, CATALOG, new Object[] {url},
          () -> PricingDurable.super.catalog(url));
    }

    public WorkflowHandle<Integer> stock(String sku) {
      return PricingDurable.this.durable.start(this.options, STOCK, new Object[] {sku},
          () -> PricingDurable.super.stock(sku));
    }
  }
}
