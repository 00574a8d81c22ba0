package io.dbosj.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Writes the override of a durable method: same modifiers, generics, varargs and {@code throws}
 * as the user's method, with a body that hands {@code () -> super.method(args)} to the runtime.
 */
final class Overrides {
  private Overrides() {}

  static MethodSpec override(DurableMethodModel method, String descriptor) {
    ExecutableElement element = method.element();
    MethodSpec.Builder spec = MethodSpec.overriding(element);
    annotate(spec, element);
    CodeBlock call = CodeBlock.of("this.durable.$L", method.kind().factory());
    CodeBlock leading = CodeBlock.of("$N, $L", descriptor, Calls.argumentArray(element));
    boolean returnsValue = element.getReturnType().getKind() != TypeKind.VOID;
    spec.addCode(Calls.statement(returnsValue, call, leading, element, CodeBlock.of("super")));
    return spec.build();
  }

  /**
   * Mirrors {@code @Deprecated} and suppresses what javac would otherwise warn about in a copy of
   * the method's signature: deprecated types, and heap pollution from generic varargs.
   */
  static void annotate(MethodSpec.Builder spec, ExecutableElement element) {
    boolean deprecated = Deprecations.isDeprecated(element);
    if (deprecated) {
      spec.addAnnotation(Deprecated.class);
    }
    Suppressions suppressions =
        new Suppressions()
            .addIf(
                !deprecated && Deprecations.signatureMentionsDeprecated(element), "deprecation")
            .addIf(hasGenericVarargs(element), "unchecked");
    if (!suppressions.isEmpty()) {
      spec.addAnnotation(suppressions.annotation());
    }
  }

  /** A varargs parameter of a parameterized type: "possible heap pollution" unless suppressed. */
  private static boolean hasGenericVarargs(ExecutableElement element) {
    List<? extends VariableElement> parameters = element.getParameters();
    return element.isVarArgs()
        && TypeTokens.isParameterized(parameters.get(parameters.size() - 1).asType());
  }
}
