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
 * Durable {@link Types}: its workflows and steps are recorded through {@code DBOS}.
 * Written by io.dbosj's annotation processor; edit {@link Types} instead.
 */
@Generated("io.dbosj.processor.DurableProcessor")
public final class TypesDurable extends Types {
  private static final DurableMethod<Boolean> PRIMITIVES = DurableMethod.step("primitives", TypeToken.of(boolean.class))
      .param("b", TypeToken.of(byte.class))
      .param("s", TypeToken.of(short.class))
      .param("c", TypeToken.of(char.class))
      .param("i", TypeToken.of(int.class))
      .param("l", TypeToken.of(long.class))
      .param("f", TypeToken.of(float.class))
      .param("d", TypeToken.of(double.class))
      .param("z", TypeToken.of(boolean.class));

  private static final DurableMethod<Long> BOXED = DurableMethod.step("boxed", TypeToken.of(Long.class))
      .param("b", TypeToken.of(Byte.class))
      .param("s", TypeToken.of(Short.class))
      .param("c", TypeToken.of(Character.class))
      .param("i", TypeToken.of(Integer.class))
      .param("l", TypeToken.of(Long.class))
      .param("f", TypeToken.of(Float.class))
      .param("d", TypeToken.of(Double.class))
      .param("z", TypeToken.of(Boolean.class));

  private static final DurableMethod<char[][]> ARRAYS = DurableMethod.step("arrays", TypeToken.of(char[][].class))
      .param("ints", TypeToken.of(int[].class))
      .param("names", TypeToken.of(String[][].class))
      .param("lists", new TypeToken<List<String>[]>() {});

  private static final DurableMethod<Map<String, List<Integer>>> GENERIC = DurableMethod.workflow("generic", new TypeToken<Map<String, List<Integer>>>() {})
      .param("levels", new TypeToken<Map<String, List<Integer>>>() {})
      .param("numbers", new TypeToken<List<? extends Number>>() {});

  private static final DurableMethod<Integer> VARARGS_2 = DurableMethod.workflow("varargs", TypeToken.of(int.class))
      .param("label", TypeToken.of(String.class))
      .param("counts", TypeToken.of(int[].class));

  private static final DurableMethod<Integer> GENERIC_VARARGS = DurableMethod.workflow("genericVarargs", TypeToken.of(int.class))
      .param("groups", new TypeToken<List<String>[]>() {});

  private static final DurableMethod<String> CLASHES = DurableMethod.workflow("clashes", TypeToken.of(String.class))
      .param("durable", TypeToken.of(String.class))
      .param("options", TypeToken.of(String.class))
      .param("self", TypeToken.of(String.class))
      .param("args", TypeToken.of(String.class))
      .param("CLASS", TypeToken.of(String.class))
      .param("VARARGS", TypeToken.of(String.class));

  @SuppressWarnings("unchecked")
  private static final DurableClass<TypesDurable> CLASS_2 = DurableClass.<TypesDurable>builder("com.example.Types")
      .add(PRIMITIVES, (self, args) -> self.primitives((byte) args[0], (short) args[1],
          (char) args[2], (int) args[3], (long) args[4], (float) args[5], (double) args[6],
          (boolean) args[7]))
      .add(BOXED, (self, args) -> self.boxed((Byte) args[0], (Short) args[1], (Character) args[2],
          (Integer) args[3], (Long) args[4], (Float) args[5], (Double) args[6], (Boolean) args[7]))
      .add(ARRAYS, (self, args) -> self.arrays((int[]) args[0], (String[][]) args[1],
          (List<String>[]) args[2]))
      .add(GENERIC, (self, args) -> self.generic((Map<String, List<Integer>>) args[0],
          (List<? extends Number>) args[1]))
      .add(VARARGS_2, (self, args) -> self.varargs((String) args[0], (int[]) args[1]))
      .add(GENERIC_VARARGS, (self, args) -> self.genericVarargs((List<String>[]) args[0]))
      .add(CLASHES, (self, args) -> self.clashes((String) args[0], (String) args[1],
          (String) args[2], (String) args[3], (String) args[4], (String) args[5]))
      .build();

  private final DurableObject durable;

  public TypesDurable(DBOS dbos) {
    super();
    this.durable = DurableObject.register(dbos, this, CLASS_2, "");
  }

  public TypesDurable(String instanceName, DBOS dbos) {
    super();
    this.durable = DurableObject.register(dbos, this, CLASS_2, instanceName);
  }

  @Override
  public boolean primitives(byte b, short s, char c, int i, long l, float f, double d, boolean z) {
    return this.durable.step(PRIMITIVES, new Object[] {b, s, c, i, l, f, d, z},
        () -> super.primitives(b, s, c, i, l, f, d, z));
  }

  @Override
  public Long boxed(Byte b, Short s, Character c, Integer i, Long l, Float f, Double d, Boolean z) {
    return this.durable.step(BOXED, new Object[] {b, s, c, i, l, f, d, z},
        () -> super.boxed(b, s, c, i, l, f, d, z));
  }

  @Override
  public char[][] arrays(int[] ints, String[][] names, List<String>[] lists) {
    return this.durable.step(ARRAYS, new Object[] {ints, names, lists},
        () -> super.arrays(ints, names, lists));
  }

  @Override
  public Map<String, List<Integer>> generic(Map<String, List<Integer>> levels,
      List<? extends Number> numbers) {
    return this.durable.workflow(GENERIC, new Object[] {levels, numbers},
        () -> super.generic(levels, numbers));
  }

  @Override
  public int varargs(String label, int... counts) {
    return this.durable.workflow(VARARGS_2, new Object[] {label, counts},
        () -> super.varargs(label, counts));
  }

  @Override
  @SuppressWarnings("unchecked")
  public int genericVarargs(List<String>... groups) {
    return this.durable.workflow(GENERIC_VARARGS, new Object[] {groups},
        () -> super.genericVarargs(groups));
  }

  @Override
  public String clashes(String durable, String options, String self, String args, String CLASS,
      String VARARGS) {
    return this.durable.workflow(CLASHES, new Object[] {durable, options, self, args, CLASS, VARARGS},
        () -> super.clashes(durable, options, self, args, CLASS, VARARGS));
  }

  /**
   * Starts a workflow of this object in the background, e.g.
   * {@code start(StartOptions.id("order-42")).generic(...)}, and returns its handle once it is
   * durably recorded. A step started this way runs as a workflow of that one step.
   */
  public Starter start(StartOptions options) {
    return new Starter(options);
  }

  /**
   * Enqueues a workflow of this object on {@code queue}, e.g.
   * {@code enqueue(queue).generic(...)}, and returns its handle once it is durably recorded.
   */
  public Starter enqueue(Queue queue) {
    return new Starter(StartOptions.defaults().queue(queue));
  }

  /**
   * The workflows and steps of {@link Types}, each started or enqueued in the background,
   * returning a handle.
   */
  public final class Starter {
    private final StartOptions options;

    private Starter(StartOptions options) {
      this.options = options;
    }

    public WorkflowHandle<Boolean> primitives(byte b, short s, char c, int i, long l, float f,
        double d, boolean z) {
      return TypesDurable.this.durable.start(this.options, PRIMITIVES, new Object[] {b, s, c, i, l, f, d, z},
          () -> TypesDurable.super.primitives(b, s, c, i, l, f, d, z));
    }

    public WorkflowHandle<Long> boxed(Byte b, Short s, Character c, Integer i, Long l, Float f,
        Double d, Boolean z) {
      return TypesDurable.this.durable.start(this.options, BOXED, new Object[] {b, s, c, i, l, f, d, z},
          () -> TypesDurable.super.boxed(b, s, c, i, l, f, d, z));
    }

    public WorkflowHandle<char[][]> arrays(int[] ints, String[][] names, List<String>[] lists) {
      return TypesDurable.this.durable.start(this.options, ARRAYS, new Object[] {ints, names, lists},
          () -> TypesDurable.super.arrays(ints, names, lists));
    }

    public WorkflowHandle<Map<String, List<Integer>>> generic(Map<String, List<Integer>> levels,
        List<? extends Number> numbers) {
      return TypesDurable.this.durable.start(this.options, GENERIC, new Object[] {levels, numbers},
          () -> TypesDurable.super.generic(levels, numbers));
    }

    public WorkflowHandle<Integer> varargs(String label, int... counts) {
      return TypesDurable.this.durable.start(this.options, VARARGS_2, new Object[] {label, counts},
          () -> TypesDurable.super.varargs(label, counts));
    }

    @SuppressWarnings("unchecked")
    public WorkflowHandle<Integer> genericVarargs(List<String>... groups) {
      return TypesDurable.this.durable.start(this.options, GENERIC_VARARGS, new Object[] {groups},
          () -> TypesDurable.super.genericVarargs(groups));
    }

    public WorkflowHandle<String> clashes(String durable, String options, String self, String args,
        String CLASS, String VARARGS) {
      return TypesDurable.this.durable.start(this.options, CLASHES, new Object[] {durable, options, self, args, CLASS, VARARGS},
          () -> TypesDurable.super.clashes(durable, options, self, args, CLASS, VARARGS));
    }
  }
}
