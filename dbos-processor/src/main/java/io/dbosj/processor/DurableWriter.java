package io.dbosj.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Turns a valid {@link DurableClassModel} into the source of its {@code XxxDurable} subclass:
 * descriptor constants, the dispatch table, mirrored constructors that register the instance,
 * overrides that hand each durable method's body to the runtime, and typed starters.
 */
final class DurableWriter {
  private static final String CODEGEN = "io.dbosj.internal.codegen";
  private static final ClassName DBOS = ClassName.get("io.dbosj", "DBOS");
  private static final ClassName START_OPTIONS = ClassName.get("io.dbosj", "StartOptions");
  private static final ClassName QUEUE = ClassName.get("io.dbosj", "Queue");
  private static final ClassName WORKFLOW_HANDLE = ClassName.get("io.dbosj", "WorkflowHandle");
  private static final ClassName DURABLE_METHOD = ClassName.get(CODEGEN, "DurableMethod");
  private static final ClassName DURABLE_CLASS = ClassName.get(CODEGEN, "DurableClass");
  private static final ClassName DURABLE_OBJECT = ClassName.get(CODEGEN, "DurableObject");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final String PROCESSOR = "io.dbosj.processor.DurableProcessor";

  private final DurableClassModel model;
  private final ClassName generated;
  private final ClassName starter;
  private final Map<DurableMethodModel, String> constants = new LinkedHashMap<>();

  DurableWriter(DurableClassModel model) {
    this.model = model;
    this.generated = ClassName.get(model.packageName(), model.generatedName());
    this.starter = generated.nestedClass("Starter");
    ConstantNames names = new ConstantNames();
    for (DurableMethodModel method : model.methods()) {
      constants.put(method, names.allocate(method.methodName()));
    }
  }

  JavaFile write() {
    TypeElement type = model.type();
    TypeSpec.Builder spec =
        TypeSpec.classBuilder(model.generatedName())
            .addOriginatingElement(type)
            .addAnnotation(
                AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build())
            .addJavadoc(
                "Durable {@link $T}: its workflows and steps are recorded through {@code DBOS}.\n"
                    + "Written by io.dbosj's annotation processor; edit {@link $T} instead.\n",
                TypeName.get(type.asType()),
                TypeName.get(type.asType()))
            .superclass(TypeName.get(type.asType()))
            .addModifiers(Modifier.FINAL);
    if (type.getModifiers().contains(Modifier.PUBLIC)) {
      spec.addModifiers(Modifier.PUBLIC);
    }
    if (isDeprecated(type)) {
      spec.addAnnotation(Deprecated.class);
    }
    for (DurableMethodModel method : model.methods()) {
      spec.addField(descriptor(method));
    }
    spec.addField(dispatchTable());
    spec.addField(
        FieldSpec.builder(DURABLE_OBJECT, "durable", Modifier.PRIVATE, Modifier.FINAL).build());
    for (ExecutableElement constructor : model.constructors()) {
      spec.addMethod(constructor(constructor, false));
      spec.addMethod(constructor(constructor, true));
    }
    for (DurableMethodModel method : model.methods()) {
      spec.addMethod(override(method));
    }
    spec.addMethod(startMethod());
    spec.addMethod(enqueueMethod());
    spec.addType(starterClass());
    return JavaFile.builder(model.packageName(), spec.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  // -------------------------------------------------------------- descriptors and dispatch

  private FieldSpec descriptor(DurableMethodModel method) {
    ExecutableElement element = method.element();
    CodeBlock.Builder init =
        CodeBlock.builder()
            .add(
                "$T.$L($S, $L)",
                DURABLE_METHOD,
                method.kind().factory(),
                method.durableName(),
                TypeTokens.of(element.getReturnType()));
    init.indent().indent();
    for (VariableElement parameter : element.getParameters()) {
      init.add("\n.param($S, $L)", parameter.getSimpleName().toString(), TypeTokens.of(parameter.asType()));
    }
    if (method.kind() == MethodKind.WORKFLOW) {
      init.add("\n.maxRecoveryAttempts($L)", method.maxRecoveryAttempts());
      if (method.schedule() != null) {
        init.add(
            "\n.scheduled($S, $S, $L)",
            method.schedule().expression().trim(),
            method.schedule().zone(),
            method.schedule().maxCatchUp());
      }
    } else if (method.kind() == MethodKind.TRANSACTION) {
      init.add(
          "\n.transactional($T.$L, $L)",
          ClassName.get("io.dbosj.annotation", "Isolation"),
          method.isolation(),
          method.readOnly());
    } else {
      init.add(
          "\n.retries($L, $L, $L)",
          method.maxAttempts(),
          Double.toString(method.intervalSeconds()),
          Double.toString(method.backoffRate()));
    }
    for (TypeMirror thrown : element.getThrownTypes()) {
      if (hasMessageConstructor(thrown)) {
        TypeName exception = TypeName.get(thrown);
        init.add("\n.rebuilds($T.class, $T::new)", exception, exception);
      }
    }
    init.unindent().unindent();
    return FieldSpec.builder(
            ParameterizedTypeName.get(DURABLE_METHOD, TypeTokens.resultType(element.getReturnType())),
            constants.get(method),
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        .initializer(init.build())
        .build();
  }

  /** Whether {@code type} is an exception with an accessible {@code (String)} constructor. */
  private boolean hasMessageConstructor(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return false;
    }
    Element element = declared.asElement();
    if (element.getModifiers().contains(Modifier.ABSTRACT) || !(element instanceof TypeElement typeElement)) {
      return false;
    }
    if (!typeElement.getTypeParameters().isEmpty()) {
      return false;
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (constructor.getModifiers().contains(Modifier.PUBLIC)
          && constructor.getParameters().size() == 1
          && constructor.getParameters().get(0).asType().toString().equals("java.lang.String")
          && constructor.getThrownTypes().isEmpty()) {
        return accessibleFromPackage(typeElement);
      }
    }
    return false;
  }

  private static boolean accessibleFromPackage(TypeElement type) {
    for (Element e = type; e != null && (e.getKind().isClass() || e.getKind().isInterface()); e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private FieldSpec dispatchTable() {
    CodeBlock.Builder init =
        CodeBlock.builder().add("$T.<$T>builder($S)", DURABLE_CLASS, generated, model.binaryName());
    init.indent().indent();
    Set<String> suppressions = new TreeSet<>();
    for (DurableMethodModel method : model.methods()) {
      ExecutableElement element = method.element();
      List<CodeBlock> args = new ArrayList<>();
      List<? extends VariableElement> parameters = element.getParameters();
      for (int i = 0; i < parameters.size(); i++) {
        TypeMirror type = parameters.get(i).asType();
        if (TypeTokens.isParameterized(type)) {
          suppressions.add("unchecked");
        }
        args.add(CodeBlock.of("($T) args[$L]", TypeName.get(type), i));
      }
      if (isDeprecated(element)) {
        suppressions.add("deprecation");
      }
      init.add(
          "\n.add($L, (self, args) -> self.$L($L))",
          constants.get(method),
          method.methodName(),
          CodeBlock.join(args, ", "));
    }
    init.add("\n.build()");
    init.unindent().unindent();
    FieldSpec.Builder field =
        FieldSpec.builder(
                ParameterizedTypeName.get(DURABLE_CLASS, generated),
                "CLASS",
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .initializer(init.build());
    suppress(field, suppressions);
    return field.build();
  }

  private static void suppress(FieldSpec.Builder field, Set<String> suppressions) {
    if (suppressions.isEmpty()) {
      return;
    }
    field.addAnnotation(suppressWarnings(suppressions));
  }

  private static AnnotationSpec suppressWarnings(Set<String> suppressions) {
    AnnotationSpec.Builder annotation = AnnotationSpec.builder(SuppressWarnings.class);
    if (suppressions.size() == 1) {
      annotation.addMember("value", "$S", suppressions.iterator().next());
    } else {
      List<CodeBlock> values = new ArrayList<>();
      for (String s : suppressions) {
        values.add(CodeBlock.of("$S", s));
      }
      annotation.addMember("value", "{$L}", CodeBlock.join(values, ", "));
    }
    return annotation.build();
  }

  // -------------------------------------------------------------- constructors

  private MethodSpec constructor(ExecutableElement constructor, boolean named) {
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
    if (isDeprecated(constructor)) {
      spec.addAnnotation(Deprecated.class);
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
        "this.durable = $T.register($N, this, CLASS, $L)",
        DURABLE_OBJECT,
        dbos,
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

  // -------------------------------------------------------------- overrides

  private MethodSpec override(DurableMethodModel method) {
    ExecutableElement element = method.element();
    MethodSpec.Builder spec = MethodSpec.overriding(element);
    if (isDeprecated(element)) {
      spec.addAnnotation(Deprecated.class);
    }
    if (hasGenericVarargs(element)) {
      spec.addAnnotation(suppressWarnings(Set.of("unchecked")));
    }
    CodeBlock call =
        CodeBlock.of(
            "this.durable.$L($N, $L, $L)",
            method.kind().factory(),
            constants.get(method),
            argumentArray(element),
            body(element, CodeBlock.of("super")));
    if (element.getReturnType().getKind() == TypeKind.VOID) {
      spec.addStatement(call);
    } else {
      spec.addStatement("return $L", call);
    }
    return spec.build();
  }

  private static CodeBlock argumentArray(ExecutableElement element) {
    List<CodeBlock> names = new ArrayList<>();
    for (VariableElement parameter : element.getParameters()) {
      names.add(CodeBlock.of("$N", parameter.getSimpleName().toString()));
    }
    return CodeBlock.of("new Object[] {$L}", CodeBlock.join(names, ", "));
  }

  /** {@code () -> super.m(a, b)}, or a block returning {@code null} for a void method. */
  private static CodeBlock body(ExecutableElement element, CodeBlock receiver) {
    List<CodeBlock> names = new ArrayList<>();
    for (VariableElement parameter : element.getParameters()) {
      names.add(CodeBlock.of("$N", parameter.getSimpleName().toString()));
    }
    CodeBlock invocation =
        CodeBlock.of("$L.$L($L)", receiver, element.getSimpleName(), CodeBlock.join(names, ", "));
    if (element.getReturnType().getKind() == TypeKind.VOID) {
      return CodeBlock.builder()
          .add("() -> {\n")
          .indent()
          .add("$L;\n", invocation)
          .add("return null;\n")
          .unindent()
          .add("}")
          .build();
    }
    return CodeBlock.of("() -> $L", invocation);
  }

  // -------------------------------------------------------------- starters

  private MethodSpec startMethod() {
    return MethodSpec.methodBuilder("start")
        .addJavadoc(
            "Starts a workflow of this object in the background, e.g.\n"
                + "{@code start(StartOptions.id(\"order-42\")).$L(...)}, and returns its handle once it is\n"
                + "durably recorded. A step started this way runs as a workflow of that one step.\n",
            firstMethod().methodName())
        .addModifiers(Modifier.PUBLIC)
        .returns(starter)
        .addParameter(START_OPTIONS, "options")
        .addStatement("return new $T(options)", starter)
        .build();
  }

  private MethodSpec enqueueMethod() {
    return MethodSpec.methodBuilder("enqueue")
        .addJavadoc(
            "Enqueues a workflow of this object on {@code queue}, e.g.\n"
                + "{@code enqueue(queue).$L(...)}, and returns its handle once it is durably recorded.\n",
            firstMethod().methodName())
        .addModifiers(Modifier.PUBLIC)
        .returns(starter)
        .addParameter(QUEUE, "queue")
        .addStatement("return new $T($T.defaults().queue(queue))", starter, START_OPTIONS)
        .build();
  }

  /** The first workflow, else the first step: the example in the starters' Javadoc. */
  private DurableMethodModel firstMethod() {
    return model.methods().stream()
        .filter(m -> m.kind() == MethodKind.WORKFLOW)
        .findFirst()
        .orElse(model.methods().get(0));
  }

  private TypeSpec starterClass() {
    TypeSpec.Builder spec =
        TypeSpec.classBuilder("Starter")
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
    if (isDeprecated(element)) {
      spec.addAnnotation(Deprecated.class);
    }
    if (hasGenericVarargs(element)) {
      spec.addAnnotation(suppressWarnings(Set.of("unchecked")));
    }
    for (VariableElement parameter : element.getParameters()) {
      spec.addParameter(ParameterSpec.get(parameter));
    }
    spec.varargs(element.isVarArgs());
    spec.addStatement(
        "return $T.this.durable.start(this.options, $N, $L, $L)",
        generated,
        constants.get(method),
        argumentArray(element),
        body(element, CodeBlock.of("$T.super", generated)));
    return spec.build();
  }

  /** A varargs parameter of a parameterized type: "possible heap pollution" unless suppressed. */
  private static boolean hasGenericVarargs(ExecutableElement element) {
    List<? extends VariableElement> parameters = element.getParameters();
    return element.isVarArgs()
        && TypeTokens.isParameterized(parameters.get(parameters.size() - 1).asType());
  }

  private static boolean isDeprecated(Element element) {
    return element.getAnnotation(Deprecated.class) != null;
  }
}
