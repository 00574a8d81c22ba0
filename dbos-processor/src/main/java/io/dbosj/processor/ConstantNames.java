package io.dbosj.processor;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Names the descriptor constants of a generated class: {@code placeOrder} becomes {@code PLACE_ORDER}. */
final class ConstantNames {
  private final Set<String> taken = new HashSet<>(Set.of("CLASS"));

  String allocate(String methodName) {
    String base = methodName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    String name = base;
    for (int i = 2; !taken.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }
}
