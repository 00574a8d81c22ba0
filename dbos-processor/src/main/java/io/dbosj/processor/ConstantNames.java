package io.dbosj.processor;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Names the constants of a generated class: {@code placeOrder} becomes {@code PLACE_ORDER}. A name
 * is never reused, and never equal to a parameter name of the class's constructors or durable
 * methods, which would hide the constant inside those generated members.
 */
final class ConstantNames {
  private final Set<String> taken = new HashSet<>();

  ConstantNames(DurableClassModel model) {
    for (ExecutableElement constructor : model.constructors()) {
      reserveParameters(constructor);
    }
    for (DurableMethodModel method : model.methods()) {
      reserveParameters(method.element());
    }
  }

  private void reserveParameters(ExecutableElement executable) {
    for (VariableElement parameter : executable.getParameters()) {
      taken.add(parameter.getSimpleName().toString());
    }
  }

  /** {@code CLASS}, the dispatch table, unless a parameter already has that name. */
  String classTable() {
    return unique("CLASS");
  }

  /** The descriptor constant of the method named {@code methodName}. */
  String descriptor(String methodName) {
    return unique(methodName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
  }

  private String unique(String base) {
    String name = base;
    for (int i = 2; !taken.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }
}
