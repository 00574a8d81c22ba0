package io.dbosj.processor;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Writes the statement that hands a durable call to the runtime: the descriptor, the arguments as
 * an array, and the original body as a lambda, {@code () -> super.reserve(sku, quantity)}.
 */
final class Calls {
  private Calls() {}

  /** {@code new Object[] {a, b}}: the arguments as they are recorded. */
  static CodeBlock argumentArray(ExecutableElement method) {
    return CodeBlock.of("new Object[] {$L}", CodeBlock.join(argumentNames(method), ", "));
  }

  /**
   * {@code [return ]call(leading, () -> receiver.method(args));} where {@code call} is the runtime
   * method and {@code leading} its arguments before the body. A void method's body becomes a block
   * that returns {@code null}.
   */
  static CodeBlock statement(
      boolean returnResult,
      CodeBlock call,
      CodeBlock leading,
      ExecutableElement method,
      CodeBlock receiver) {
    CodeBlock invocation =
        CodeBlock.of(
            "$L.$N($L)",
            receiver,
            method.getSimpleName().toString(),
            CodeBlock.join(argumentNames(method), ", "));
    String prefix = returnResult ? "return " : "";
    if (method.getReturnType().getKind() == TypeKind.VOID) {
      return CodeBlock.builder()
          .add("$L$L($L, () -> {\n", prefix, call, leading)
          .indent()
          .add("$L;\n", invocation)
          .add("return null;\n")
          .unindent()
          .add("});\n")
          .build();
    }
    return CodeBlock.of("$[$L$L($L,$W() -> $L);\n$]", prefix, call, leading, invocation);
  }

  private static List<CodeBlock> argumentNames(ExecutableElement method) {
    List<CodeBlock> names = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      names.add(CodeBlock.of("$N", parameter.getSimpleName().toString()));
    }
    return names;
  }
}
