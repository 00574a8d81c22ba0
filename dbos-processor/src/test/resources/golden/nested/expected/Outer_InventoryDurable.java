package com.example;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import io.dbosj.internal.runtime.DurableObject;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Durable {@link Outer.Inventory}: its workflows and steps are recorded through {@code DBOS}.
 * Written by io.dbosj's annotation processor; edit {@link Outer.Inventory} instead.
 */
@Generated("io.dbosj.processor.DurableProcessor")
public final class Outer_InventoryDurable extends Outer.Inventory {
  private static final DurableMethod<Map<String, List<Integer>>> LEVELS = DurableMethod.step("levels", new TypeToken<Map<String, List<Integer>>>() {})
      .param("names", TypeToken.of(String[].class))
      .param("b", TypeToken.of(byte.class))
      .param("s", TypeToken.of(short.class))
      .param("c", TypeToken.of(char.class))
      .param("l", TypeToken.of(long.class))
      .param("f", TypeToken.of(float.class))
      .param("d", TypeToken.of(double.class))
      .param("z", TypeToken.of(boolean.class))
      .param("boxed", TypeToken.of(Integer.class));

  private static final DurableMethod<Long> COUNT = DurableMethod.step("legacyCount", TypeToken.of(long.class))
      .param("groups", new TypeToken<List<String>[]>() {});

  private static final DurableMethod<int[]> SNAPSHOT = DurableMethod.workflow("snapshot", TypeToken.of(int[].class))
      .param("levels", new TypeToken<Map<String, List<Integer>>>() {});

  @SuppressWarnings("unchecked")
  private static final DurableClass<Outer_InventoryDurable> CLASS = DurableClass.<Outer_InventoryDurable>builder("com.example.Outer$Inventory")
      .add(LEVELS, (self, args) -> self.levels((String[]) args[0], (byte) args[1], (short) args[2],
          (char) args[3], (long) args[4], (float) args[5], (double) args[6], (boolean) args[7],
          (Integer) args[8]))
      .add(COUNT, (self, args) -> self.count((List<String>[]) args[0]))
      .add(SNAPSHOT, (self, args) -> self.snapshot((Map<String, List<Integer>>) args[0]))
      .build();

  private final DurableObject durable;

  Outer_InventoryDurable(DBOS dbos2, String dbos, int... shelves) {
    super(dbos, shelves);
    this.durable = DurableObject.register(dbos2, this, CLASS, "");
  }

  Outer_InventoryDurable(String instanceName, DBOS dbos2, String dbos, int... shelves) {
    super(dbos, shelves);
    this.durable = DurableObject.register(dbos2, this, CLASS, instanceName);
  }

  @Override
  public Map<String, List<Integer>> levels(String[] names, byte b, short s, char c, long l, float f,
      double d, boolean z, Integer boxed) {
    return this.durable.step(LEVELS, new Object[] {names, b, s, c, l, f, d, z, boxed},
        () -> super.levels(names, b, s, c, l, f, d, z, boxed));
  }

  @Override
  @Deprecated
  @SuppressWarnings("unchecked")
  public long count(List<String>... groups) {
    return this.durable.step(COUNT, new Object[] {groups}, () -> super.count(groups));
  }

  @Override
  int[] snapshot(Map<String, List<Integer>> levels) {
    return this.durable.workflow(SNAPSHOT, new Object[] {levels}, () -> super.snapshot(levels));
  }

  /**
   * Starts a workflow of this object in the background, e.g.
   * {@code start(StartOptions.id("order-42")).snapshot(...)}, and returns its handle once it is
   * durably recorded. A step started this way runs as a workflow of that one step.
   */
  public Starter start(StartOptions options) {
    return new Starter(options);
  }

  /**
   * Enqueues a workflow of this object on {@code queue}, e.g.
   * {@code enqueue(queue).snapshot(...)}, and returns its handle once it is durably recorded.
   */
  public Starter enqueue(Queue queue) {
    return new Starter(StartOptions.defaults().queue(queue));
  }

  /**
   * The workflows and steps of {@link Outer.Inventory}, each started or enqueued in the background,
   * returning a handle.
   */
  public final class Starter {
    private final StartOptions options;

    private Starter(StartOptions options) {
      this.options = options;
    }

    public WorkflowHandle<Map<String, List<Integer>>> levels(String[] names, byte b, short s,
        char c, long l, float f, double d, boolean z, Integer boxed) {
      return Outer_InventoryDurable.this.durable.start(this.options, LEVELS, new Object[] {names, b, s, c, l, f, d, z, boxed},
          () -> Outer_InventoryDurable.super.levels(names, b, s, c, l, f, d, z, boxed));
    }

    @Deprecated
    @SuppressWarnings("unchecked")
    public WorkflowHandle<Long> count(List<String>... groups) {
      return Outer_InventoryDurable.this.durable.start(this.options, COUNT, new Object[] {groups},
          () -> Outer_InventoryDurable.super.count(groups));
    }

    WorkflowHandle<int[]> snapshot(Map<String, List<Integer>> levels) {
      return Outer_InventoryDurable.this.durable.start(this.options, SNAPSHOT, new Object[] {levels},
          () -> Outer_InventoryDurable.super.snapshot(levels));
    }
  }
}
