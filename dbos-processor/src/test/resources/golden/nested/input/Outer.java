package com.example;

import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.util.List;
import java.util.Map;

public class Outer {
  public static class Inventory {
    Inventory(String dbos, int... shelves) {}

    @Step
    public Map<String, List<Integer>> levels(String[] names, byte b, short s, char c, long l,
        float f, double d, boolean z, Integer boxed) {
      return Map.of();
    }

    @Deprecated
    @SuppressWarnings("unchecked")
    @Step(name = "legacyCount")
    public long count(List<String>... groups) {
      return groups.length;
    }

    @Workflow
    int[] snapshot(Map<String, List<Integer>> levels) {
      return new int[levels.size()];
    }
  }
}
