package io.dbosj.processor;

import static io.dbosj.processor.RuntimeTypes.DURABLE_OBJECT;
import static io.dbosj.processor.RuntimeTypes.GENERATED;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Turns a valid {@link DurableClassModel} into the source of its {@code XxxDurable} subclass, in
 * declaration order: descriptor constants, the dispatch table, mirrored constructors that register
 * the instance, overrides that hand each durable method's body to the runtime, and typed starters.
 */
final class DurableWriter {
  private static final String PROCESSOR = "io.dbosj.processor.DurableProcessor";

  private final DurableClassModel model;
  private final ClassName generated;
  private final String classTable;
  private final Map<DurableMethodModel, String> descriptors = new LinkedHashMap<>();

  DurableWriter(DurableClassModel model) {
    this.model = model;
    this.generated = ClassName.get(model.packageName(), model.generatedName());
    ConstantNames names = new ConstantNames(model);
    this.classTable = names.classTable();
    for (DurableMethodModel method : model.methods()) {
      descriptors.put(method, names.descriptor(method.methodName()));
    }
  }

  JavaFile write() {
    TypeElement type = model.type();
    TypeName superclass = TypeName.get(type.asType());
    TypeSpec.Builder spec =
        TypeSpec.classBuilder(model.generatedName())
            .addOriginatingElement(type)
            .addAnnotation(
                AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build())
            .addJavadoc(
                "Durable {@link $T}: its workflows and steps are recorded through {@code DBOS}.\n"
                    + "Written by io.dbosj's annotation processor; edit {@link $T} instead.\n",
                superclass,
                superclass)
            .superclass(superclass)
            // a nested type of the user's class named like a runtime type hides that type's import
            .avoidClashesWithNestedClasses(type)
            .addModifiers(Modifier.FINAL);
    if (type.getModifiers().contains(Modifier.PUBLIC)) {
      spec.addModifiers(Modifier.PUBLIC);
    }
    if (Deprecations.mentionsDeprecated(type.asType())) {
      // extending a deprecated class warns unless the subclass is deprecated too
      spec.addAnnotation(Deprecated.class);
    }
    descriptors.forEach(
        (method, constant) ->
            spec.addField(Descriptors.descriptor(method, constant, model.packageName())));
    spec.addField(DispatchTable.field(model, generated, classTable, descriptors));
    spec.addField(DURABLE_OBJECT, "durable", Modifier.PRIVATE, Modifier.FINAL);
    for (ExecutableElement constructor : model.constructors()) {
      spec.addMethod(Constructors.constructor(constructor, classTable, false));
      spec.addMethod(Constructors.constructor(constructor, classTable, true));
    }
    descriptors.forEach((method, constant) -> spec.addMethod(Overrides.override(method, constant)));
    Starters starters = new Starters(model, generated, descriptors);
    spec.addMethods(starters.factories());
    spec.addType(starters.starterClass());
    return JavaFile.builder(model.packageName(), spec.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }
}
