package io.dbosj.processor;

import static io.dbosj.processor.RuntimeTypes.DURABLE_CLASS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the {@code CLASS} constant: each durable name with a lambda that casts the arguments read
 * back from the system database and calls the method. Recovery and queues start workflows through
 * it, without reflection.
 */
final class DispatchTable {
  private DispatchTable() {}

  static FieldSpec field(
      DurableClassModel model,
      ClassName generated,
      String constant,
      Map<DurableMethodModel, String> descriptors) {
    CodeBlock.Builder init =
        CodeBlock.builder()
            .add("$T.<$T>builder($S)", DURABLE_CLASS, generated, model.binaryName())
            .indent()
            .indent();
    Suppressions suppressions = new Suppressions();
    for (DurableMethodModel method : model.methods()) {
      ExecutableElement element = method.element();
      List<CodeBlock> args = new ArrayList<>();
      List<? extends VariableElement> parameters = element.getParameters();
      for (int i = 0; i < parameters.size(); i++) {
        TypeMirror type = parameters.get(i).asType();
        suppressions.addIf(TypeTokens.isParameterized(type), "unchecked");
        // args is an Object[]: casting to Object would be a [cast] warning in the user's build
        args.add(
            TypeName.get(type).equals(ClassName.OBJECT)
                ? CodeBlock.of("args[$L]", i)
                : CodeBlock.of("($T) args[$L]", TypeName.get(type), i));
      }
      // self.method(...) calls the generated override, which is @Deprecated like the user's method
      // and declared in this class, so only the casts to deprecated types need the suppression
      // (javac and ECJ agree; ECJ reports a suppression that suppresses nothing)
      suppressions.addIf(Deprecations.signatureMentionsDeprecated(element), "deprecation");
      init.add(
          "\n.add($N, (self, args) ->$Wself.$N($L))",
          descriptors.get(method),
          method.methodName(),
          CodeBlock.join(args, ",$W"));
    }
    FieldSpec.Builder field =
        FieldSpec.builder(
                ParameterizedTypeName.get(DURABLE_CLASS, generated),
                constant,
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .initializer(init.add("\n.build()").unindent().unindent().build());
    if (!suppressions.isEmpty()) {
      field.addAnnotation(suppressions.annotation());
    }
    return field.build();
  }
}
