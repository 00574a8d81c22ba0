package io.dbosj.processor;

import static io.dbosj.processor.RuntimeTypes.DURABLE_METHOD;
import static io.dbosj.processor.RuntimeTypes.ISOLATION;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Writes one {@code DurableMethod} constant per durable method: its durable name, the exact types
 * of its result and parameters, the options of its annotation, and the declared exceptions that
 * can be rebuilt on replay.
 */
final class Descriptors {
  private Descriptors() {}

  static FieldSpec descriptor(DurableMethodModel method, String constant, String packageName) {
    ExecutableElement element = method.element();
    Suppressions suppressions =
        new Suppressions()
            .addIf(Deprecations.signatureMentionsDeprecated(element), "deprecation");
    CodeBlock.Builder init =
        CodeBlock.builder()
            .add(
                "$T.$L($S, $L)",
                DURABLE_METHOD,
                method.kind().factory(),
                method.durableName(),
                TypeTokens.of(element.getReturnType()))
            .indent()
            .indent();
    for (VariableElement parameter : element.getParameters()) {
      init.add(
          "\n.param($S, $L)",
          parameter.getSimpleName().toString(),
          TypeTokens.of(parameter.asType()));
    }
    init.add(options(method));
    if (method.options() instanceof MethodOptions.StepOptions step) {
      init.add(classes("retryOn", step.retryOn().value()));
      init.add(classes("noRetryFor", step.noRetryFor().value()));
      for (ListedClass listed : step.retryOn().value()) {
        suppressions.addIf(Deprecations.mentionsDeprecated(listed.type()), "deprecation");
      }
      for (ListedClass listed : step.noRetryFor().value()) {
        suppressions.addIf(Deprecations.mentionsDeprecated(listed.type()), "deprecation");
      }
    }
    for (TypeMirror thrown : element.getThrownTypes()) {
      Optional<ExecutableElement> constructor =
          ExceptionRebuilds.messageConstructor(thrown, packageName);
      if (constructor.isPresent()) {
        TypeName exception = TypeName.get(thrown);
        init.add("\n.rebuilds($T.class, $T::new)", exception, exception);
        suppressions.addIf(Deprecations.isDeprecated(constructor.get()), "deprecation");
      }
    }
    FieldSpec.Builder field =
        FieldSpec.builder(
                ParameterizedTypeName.get(
                    DURABLE_METHOD, TypeTokens.resultType(element.getReturnType())),
                constant,
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .initializer(init.unindent().unindent().build());
    if (!suppressions.isEmpty()) {
      field.addAnnotation(suppressions.annotation());
    }
    return field.build();
  }

  /** The options of the method's annotation that differ from its defaults, each set by name. */
  private static CodeBlock options(DurableMethodModel method) {
    CodeBlock.Builder options = CodeBlock.builder();
    MethodOptions annotation = method.options();
    if (annotation instanceof MethodOptions.WorkflowOptions workflow) {
      set(options, "maxRecoveryAttempts", workflow.maxRecoveryAttempts());
    } else if (annotation instanceof MethodOptions.StepOptions step) {
      set(options, "maxAttempts", step.maxAttempts());
      set(options, "intervalSeconds", step.intervalSeconds());
      set(options, "backoffRate", step.backoffRate());
      set(options, "timeoutSeconds", step.timeoutSeconds());
    } else if (annotation instanceof MethodOptions.TransactionOptions transaction) {
      if (!transaction.isolation().isDefault()) {
        options.add("\n.isolation($T.$L)", ISOLATION, transaction.isolation().value());
      }
      if (!transaction.readOnly().isDefault()) {
        options.add("\n.readOnly()");
      }
    }
    ScheduleModel schedule = method.schedule();
    if (schedule != null) {
      options.add("\n.scheduled($S)", schedule.expression().trim());
      if (!schedule.zone().isDefault()) {
        options.add("\n.zone($S)", schedule.zone().value());
      }
      set(options, "maxCatchUp", schedule.maxCatchUp());
    }
    return options.build();
  }

  /** {@code .retryOn(IOException.class, ...)}: class literals, so nothing is looked up by name. */
  private static CodeBlock classes(String option, List<ListedClass> classes) {
    if (classes.isEmpty()) {
      return CodeBlock.of("");
    }
    CodeBlock.Builder literals = CodeBlock.builder();
    for (int i = 0; i < classes.size(); i++) {
      literals.add(i == 0 ? "$T.class" : ", $T.class", TypeName.get(classes.get(i).type()));
    }
    return CodeBlock.of("\n.$L($L)", option, literals.build());
  }

  private static void set(CodeBlock.Builder options, String name, Option<?> option) {
    if (!option.isDefault()) {
      options.add("\n.$L($L)", name, option.value());
    }
  }
}
