package com.example;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import io.dbosj.internal.runtime.DurableObject;
import javax.annotation.processing.Generated;

/**
 * Durable {@link Counter}: its workflows and steps are recorded through {@code DBOS}.
 * Written by io.dbosj's annotation processor; edit {@link Counter} instead.
 */
@Generated("io.dbosj.processor.DurableProcessor")
final class CounterDurable extends Counter {
  private static final DurableMethod<Integer> COUNT = DurableMethod.workflow("count", TypeToken.of(int.class))
      .param("times", TypeToken.of(int.class));

  private static final DurableMethod<Integer> INCREMENT = DurableMethod.step("increment", TypeToken.of(int.class))
      .param("by", TypeToken.of(int.class));

  private static final DurableClass<CounterDurable> CLASS = DurableClass.<CounterDurable>builder("com.example.Counter")
      .add(COUNT, (self, args) -> self.count((int) args[0]))
      .add(INCREMENT, (self, args) -> self.increment((int) args[0]))
      .build();

  private final DurableObject durable;

  CounterDurable(DBOS dbos, int start) {
    super(start);
    this.durable = DurableObject.register(dbos, this, CLASS, "");
  }

  CounterDurable(String instanceName, DBOS dbos, int start) {
    super(start);
    this.durable = DurableObject.register(dbos, this, CLASS, instanceName);
  }

  @Override
  int count(int times) {
    return this.durable.workflow(COUNT, new Object[] {times}, () -> super.count(times));
  }

  @Override
  protected int increment(int by) {
    return this.durable.step(INCREMENT, new Object[] {by}, () -> super.increment(by));
  }

  /**
   * Starts a workflow of this object in the background, e.g.
   * {@code start(StartOptions.id("order-42")).count(...)}, and returns its handle once it is
   * durably recorded. A step started this way runs as a workflow of that one step.
   */
  public Starter start(StartOptions options) {
    return new Starter(options);
  }

  /**
   * Enqueues a workflow of this object on {@code queue}, e.g.
   * {@code enqueue(queue).count(...)}, and returns its handle once it is durably recorded.
   */
  public Starter enqueue(Queue queue) {
    return new Starter(StartOptions.defaults().queue(queue));
  }

  /**
   * The workflows and steps of {@link Counter}, each started or enqueued in the background,
   * returning a handle.
   */
  public final class Starter {
    private final StartOptions options;

    private Starter(StartOptions options) {
      this.options = options;
    }

    WorkflowHandle<Integer> count(int times) {
      return CounterDurable.this.durable.start(this.options, COUNT, new Object[] {times},
          () -> CounterDurable.super.count(times));
    }

    WorkflowHandle<Integer> increment(int by) {
      return CounterDurable.this.durable.start(this.options, INCREMENT, new Object[] {by},
          () -> CounterDurable.super.increment(by));
    }
  }
}
