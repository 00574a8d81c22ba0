package io.dbosj.processor;

import static io.dbosj.processor.RuntimeTypes.QUEUE;
import static io.dbosj.processor.RuntimeTypes.START_OPTIONS;
import static io.dbosj.processor.RuntimeTypes.WORKFLOW_HANDLE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/**
 * Writes {@code start(StartOptions)}, {@code enqueue(Queue)} and the {@code Starter} they return:
 * one method per durable method, same name and parameters, returning a {@code WorkflowHandle}
 * instead of running the call in the caller's thread.
 */
final class Starters {
  private final DurableClassModel model;
  private final ClassName generated;
  private final ClassName starter;
  private final Map<DurableMethodModel, String> descriptors;

  Starters(DurableClassModel model, ClassName generated, Map<DurableMethodModel, String> descriptors) {
    this.model = model;
    this.generated = generated;
    this.starter = generated.nestedClass(GeneratedMembers.STARTER);
    this.descriptors = descriptors;
  }

  List<MethodSpec> factories() {
    String example = firstMethod().methodName();
    MethodSpec start =
        MethodSpec.methodBuilder(GeneratedMembers.START)
            .addJavadoc(
                "Starts a workflow of this object in the background, e.g.\n"
                    + "{@code start(StartOptions.id(\"order-42\")).$L(...)}, and returns its handle"
                    + " once it is\ndurably recorded. A step started this way runs as a workflow of"
                    + " that one step.\n",
                example)
            .addModifiers(Modifier.PUBLIC)
            .returns(starter)
            .addParameter(START_OPTIONS, "options")
            .addStatement("return new $T(options)", starter)
            .build();
    MethodSpec enqueue =
        MethodSpec.methodBuilder(GeneratedMembers.ENQUEUE)
            .addJavadoc(
                "Enqueues a workflow of this object on {@code queue}, e.g.\n"
                    + "{@code enqueue(queue).$L(...)}, and returns its handle once it is durably"
                    + " recorded.\n",
                example)
            .addModifiers(Modifier.PUBLIC)
            .returns(starter)
            .addParameter(QUEUE, "queue")
            .addStatement("return new $T($T.defaults().queue(queue))", starter, START_OPTIONS)
            .build();
    return List.of(start, enqueue);
  }

  TypeSpec starterClass() {
    TypeSpec.Builder spec =
        TypeSpec.classBuilder(starter.simpleName())
            .addJavadoc(
                "The workflows and steps of {@link $T}, each started or enqueued in the background,\n"
                    + "returning a handle.\n",
                TypeName.get(model.type().asType()))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addField(START_OPTIONS, "options", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(START_OPTIONS, "options")
                    .addStatement("this.options = options")
                    .build());
    for (DurableMethodModel method : model.methods()) {
      spec.addMethod(starterMethod(method));
    }
    return spec.build();
  }

  /** The first workflow, else the first step: the example in the factories' Javadoc. */
  private DurableMethodModel firstMethod() {
    return model.methods().stream()
        .filter(m -> m.kind() == MethodKind.WORKFLOW)
        .findFirst()
        .orElse(model.methods().get(0));
  }

  private MethodSpec starterMethod(DurableMethodModel method) {
    ExecutableElement element = method.element();
    MethodSpec.Builder spec =
        MethodSpec.methodBuilder(method.methodName())
            .returns(
                ParameterizedTypeName.get(
                    WORKFLOW_HANDLE, TypeTokens.resultType(element.getReturnType())));
    if (element.getModifiers().contains(Modifier.PUBLIC)) {
      spec.addModifiers(Modifier.PUBLIC);
    }
    Overrides.annotate(spec, element);
    for (VariableElement parameter : element.getParameters()) {
      spec.addParameter(ParameterSpec.get(parameter));
    }
    spec.varargs(element.isVarArgs());
    CodeBlock call = CodeBlock.of("$T.this.durable.start", generated);
    CodeBlock leading =
        CodeBlock.of("this.options, $N, $L", descriptors.get(method), Calls.argumentArray(element));
    spec.addCode(Calls.statement(true, call, leading, element, CodeBlock.of("$T.super", generated)));
    return spec.build();
  }
}
