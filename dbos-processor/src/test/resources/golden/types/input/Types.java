package com.example;

import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.util.List;
import java.util.Map;

/** Every kind of parameter and result; parameter names that generated code also uses. */
public class Types {
  @Step
  public boolean primitives(byte b, short s, char c, int i, long l, float f, double d, boolean z) {
    return z;
  }

  @Step
  public Long boxed(Byte b, Short s, Character c, Integer i, Long l, Float f, Double d, Boolean z) {
    return l;
  }

  @Step
  public char[][] arrays(int[] ints, String[][] names, List<String>[] lists) {
    return new char[0][];
  }

  @Workflow
  public Map<String, List<Integer>> generic(Map<String, List<Integer>> levels,
      List<? extends Number> numbers) {
    return levels;
  }

  @Workflow
  public int varargs(String label, int... counts) {
    return counts.length;
  }

  @SuppressWarnings("unchecked") // heap pollution: @SafeVarargs needs a final method
  @Workflow
  public int genericVarargs(List<String>... groups) {
    return groups.length;
  }

  @Workflow
  public String clashes(String durable, String options, String self, String args, String CLASS,
      String VARARGS) {
    return durable + options + self + args + CLASS + VARARGS;
  }
}
