package io.dbosj.processor;

import static io.dbosj.processor.RuntimeTypes.DBOS;
import static io.dbosj.processor.RuntimeTypes.DURABLE_OBJECT;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the two constructors that mirror one constructor of the user's class: {@code (DBOS dbos,
 * args...)} for the default instance and {@code (String instanceName, DBOS dbos, args...)} for a
 * named one. The instance name comes first so the overloads can never clash with each other.
 */
final class Constructors {
  private Constructors() {}

  static MethodSpec constructor(ExecutableElement constructor, String classTable, boolean named) {
    Set<String> taken = new HashSet<>();
    for (VariableElement parameter : constructor.getParameters()) {
      taken.add(parameter.getSimpleName().toString());
    }
    String dbos = unused("dbos", taken);
    String instanceName = unused("instanceName", taken);
    MethodSpec.Builder spec = MethodSpec.constructorBuilder();
    Set<Modifier> modifiers = constructor.getModifiers();
    if (modifiers.contains(Modifier.PUBLIC) || modifiers.contains(Modifier.PROTECTED)) {
      spec.addModifiers(Modifier.PUBLIC);
    }
    boolean deprecated = Deprecations.isDeprecated(constructor);
    if (deprecated) {
      spec.addAnnotation(Deprecated.class);
    } else if (Deprecations.signatureMentionsDeprecated(constructor)) {
      spec.addAnnotation(new Suppressions().add("deprecation").annotation());
    }
    if (named) {
      spec.addParameter(String.class, instanceName);
    }
    spec.addParameter(DBOS, dbos);
    List<CodeBlock> superArgs = new ArrayList<>();
    for (VariableElement parameter : constructor.getParameters()) {
      spec.addParameter(ParameterSpec.get(parameter));
      superArgs.add(CodeBlock.of("$N", parameter.getSimpleName().toString()));
    }
    spec.varargs(constructor.isVarArgs());
    for (TypeMirror thrown : constructor.getThrownTypes()) {
      spec.addException(TypeName.get(thrown));
    }
    spec.addStatement("super($L)", CodeBlock.join(superArgs, ", "));
    spec.addStatement(
        "this.durable = $T.register($N, this, $N, $L)",
        DURABLE_OBJECT,
        dbos,
        classTable,
        named ? CodeBlock.of("$N", instanceName) : CodeBlock.of("$S", ""));
    return spec.build();
  }

  private static String unused(String base, Set<String> taken) {
    String name = base;
    for (int i = 2; taken.contains(name); i++) {
      name = base + i;
    }
    return name;
  }
}
