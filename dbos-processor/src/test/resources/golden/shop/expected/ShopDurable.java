package com.example;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import io.dbosj.internal.runtime.DurableObject;
import java.io.IOException;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Durable {@link Shop}: its workflows and steps are recorded through {@code DBOS}.
 * Written by io.dbosj's annotation processor; edit {@link Shop} instead.
 */
@Generated("io.dbosj.processor.DurableProcessor")
public final class ShopDurable extends Shop {
  private static final DurableMethod<Integer> RESERVE = DurableMethod.step("reserve", TypeToken.of(int.class))
      .param("sku", TypeToken.of(String.class))
      .param("quantity", TypeToken.of(int.class))
      .maxAttempts(3)
      .intervalSeconds(0.5)
      .rebuilds(IOException.class, IOException::new);

  private static final DurableMethod<List<String>> ORDER = DurableMethod.workflow("order", new TypeToken<List<String>>() {})
      .param("skus", new TypeToken<List<String>>() {})
      .rebuilds(IOException.class, IOException::new);

  private static final DurableMethod<Void> AUDIT = DurableMethod.workflow("audit", TypeToken.of(void.class))
      .maxRecoveryAttempts(5);

  @SuppressWarnings("unchecked")
  private static final DurableClass<ShopDurable> CLASS = DurableClass.<ShopDurable>builder("com.example.Shop")
      .add(RESERVE, (self, args) -> self.reserve((String) args[0], (int) args[1]))
      .add(ORDER, (self, args) -> self.order((List<String>) args[0]))
      .add(AUDIT, (self, args) -> self.audit())
      .build();

  private final DurableObject durable;

  public ShopDurable(DBOS dbos, String region) {
    super(region);
    this.durable = DurableObject.register(dbos, this, CLASS, "");
  }

  public ShopDurable(String instanceName, DBOS dbos, String region) {
    super(region);
    this.durable = DurableObject.register(dbos, this, CLASS, instanceName);
  }

  public ShopDurable(DBOS dbos) {
    super();
    this.durable = DurableObject.register(dbos, this, CLASS, "");
  }

  public ShopDurable(String instanceName, DBOS dbos) {
    super();
    this.durable = DurableObject.register(dbos, this, CLASS, instanceName);
  }

  @Override
  public int reserve(String sku, int quantity) throws IOException {
    return this.durable.step(RESERVE, new Object[] {sku, quantity},
        () -> super.reserve(sku, quantity));
  }

  @Override
  public List<String> order(List<String> skus) throws IOException {
    return this.durable.workflow(ORDER, new Object[] {skus}, () -> super.order(skus));
  }

  @Override
  protected void audit() {
    this.durable.workflow(AUDIT, new Object[] {}, () -> {
      super.audit();
      return null;
    });
  }

  /**
   * Starts a workflow of this object in the background, e.g.
   * {@code start(StartOptions.id("order-42")).order(...)}, and returns its handle once it is
   * durably recorded. A step started this way runs as a workflow of that one step.
   */
  public Starter start(StartOptions options) {
    return new Starter(options);
  }

  /**
   * Enqueues a workflow of this object on {@code queue}, e.g.
   * {@code enqueue(queue).order(...)}, and returns its handle once it is durably recorded.
   */
  public Starter enqueue(Queue queue) {
    return new Starter(StartOptions.defaults().queue(queue));
  }

  /**
   * The workflows and steps of {@link Shop}, each started or enqueued in the background,
   * returning a handle.
   */
  public final class Starter {
    private final StartOptions options;

    private Starter(StartOptions options) {
      this.options = options;
    }

    public WorkflowHandle<Integer> reserve(String sku, int quantity) {
      return ShopDurable.this.durable.start(this.options, RESERVE, new Object[] {sku, quantity},
          () -> ShopDurable.super.reserve(sku, quantity));
    }

    public WorkflowHandle<List<String>> order(List<String> skus) {
      return ShopDurable.this.durable.start(this.options, ORDER, new Object[] {skus},
          () -> ShopDurable.super.order(skus));
    }

    WorkflowHandle<Void> audit() {
      return ShopDurable.this.durable.start(this.options, AUDIT, new Object[] {}, () -> {
        ShopDurable.super.audit();
        return null;
      });
    }
  }
}
