package io.dbosj.processor;

import io.dbosj.annotation.Scheduled;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Transaction;
import io.dbosj.annotation.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Builds the {@link DurableClassModel} of a class from its elements. */
final class ModelReader {
  private final Elements elements;

  ModelReader(Elements elements) {
    this.elements = elements;
  }

  DurableClassModel read(TypeElement type) {
    List<ExecutableElement> constructors = new ArrayList<>();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (!constructor.getModifiers().contains(Modifier.PRIVATE)) {
        constructors.add(constructor);
      }
    }
    List<DurableMethodModel> methods = new ArrayList<>();
    List<ScheduleModel> schedules = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      ScheduleModel schedule = readSchedule(method);
      if (schedule != null) {
        schedules.add(schedule);
      }
      DurableMethodModel model = readMethod(method, schedule);
      if (model != null) {
        methods.add(model);
      }
    }
    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    return new DurableClassModel(
        type,
        packageName,
        generatedName(type),
        elements.getBinaryName(type).toString(),
        constructors,
        methods,
        schedules,
        reservedNameClashes(type));
  }

  /** {@code XxxDurable}, or {@code Outer_InnerDurable} for a nested class. */
  static String generatedName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element outer = type.getEnclosingElement();
        outer.getKind().isClass() || outer.getKind().isInterface();
        outer = outer.getEnclosingElement()) {
      name.insert(0, outer.getSimpleName() + "_");
    }
    return name.append("Durable").toString();
  }

  private DurableMethodModel readMethod(ExecutableElement method, ScheduleModel schedule) {
    Optional<AnnotationOptions> workflow = AnnotationOptions.of(method, Workflow.class, elements);
    Optional<AnnotationOptions> step = AnnotationOptions.of(method, Step.class, elements);
    Optional<AnnotationOptions> transaction =
        AnnotationOptions.of(method, Transaction.class, elements);
    List<AnnotationOptions> present = new ArrayList<>();
    workflow.ifPresent(present::add);
    step.ifPresent(present::add);
    transaction.ifPresent(present::add);
    if (present.isEmpty()) {
      return null;
    }
    AnnotationOptions decisive = present.get(0);
    MethodKind kind;
    MethodOptions options;
    if (workflow.isPresent()) {
      kind = MethodKind.WORKFLOW;
      options = new MethodOptions.WorkflowOptions(decisive.get("maxRecoveryAttempts", Integer.class));
    } else if (step.isPresent()) {
      kind = MethodKind.STEP;
      options =
          new MethodOptions.StepOptions(
              decisive.get("maxAttempts", Integer.class),
              decisive.get("intervalSeconds", Double.class),
              decisive.get("backoffRate", Double.class),
              decisive.classes("retryOn"),
              decisive.classes("noRetryFor"),
              decisive.get("timeoutSeconds", Double.class));
    } else {
      kind = MethodKind.TRANSACTION;
      options =
          new MethodOptions.TransactionOptions(
              decisive.enumConstant("isolation"), decisive.get("readOnly", Boolean.class));
    }
    List<Where> conflicting = new ArrayList<>();
    for (AnnotationOptions other : present.subList(1, present.size())) {
      conflicting.add(other.where());
    }
    return new DurableMethodModel(
        method, kind, conflicting, decisive.get("name", String.class), options, schedule);
  }

  private ScheduleModel readSchedule(ExecutableElement method) {
    Optional<AnnotationOptions> found = AnnotationOptions.of(method, Scheduled.class, elements);
    if (found.isEmpty()) {
      return null;
    }
    AnnotationOptions scheduled = found.get();
    boolean onWorkflow =
        AnnotationOptions.of(method, Workflow.class, elements).isPresent()
            && AnnotationOptions.of(method, Step.class, elements).isEmpty()
            && AnnotationOptions.of(method, Transaction.class, elements).isEmpty();
    return new ScheduleModel(
        method,
        scheduled.where(),
        scheduled.get("value", String.class),
        scheduled.get("cron", String.class),
        scheduled.get("zone", String.class),
        scheduled.get("maxCatchUp", Integer.class),
        onWorkflow);
  }

  /** Members the generated class would clash with, in a stable order. */
  private List<Element> reservedNameClashes(TypeElement type) {
    List<Element> clashes = new ArrayList<>();
    for (Element member : elements.getAllMembers(type)) {
      String name = member.getSimpleName().toString();
      boolean reserved =
          member.getKind() == ElementKind.METHOD
              ? GeneratedMembers.METHODS.contains(name)
              : (member.getKind().isClass() || member.getKind().isInterface())
                  && GeneratedMembers.TYPES.contains(name);
      if (reserved && !member.getModifiers().contains(Modifier.PRIVATE)) {
        clashes.add(member);
      }
    }
    return clashes;
  }

  /**
   * Whether any type in the class's durable signatures or constructors is not resolved yet: it
   * may be generated by another processor in a later round.
   */
  static boolean hasUnresolvedTypes(DurableClassModel model) {
    for (ExecutableElement constructor : model.constructors()) {
      if (unresolved(constructor)) {
        return true;
      }
    }
    for (DurableMethodModel method : model.methods()) {
      if (unresolved(method.element())) {
        return true;
      }
      if (method.options() instanceof MethodOptions.StepOptions step
          && (unresolved(step.retryOn().value()) || unresolved(step.noRetryFor().value()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean unresolved(List<ListedClass> classes) {
    for (ListedClass listed : classes) {
      if (isError(listed.type())) {
        return true;
      }
    }
    return false;
  }

  private static boolean unresolved(ExecutableElement executable) {
    if (isError(executable.getReturnType())) {
      return true;
    }
    for (VariableElement parameter : executable.getParameters()) {
      if (isError(parameter.asType())) {
        return true;
      }
    }
    for (TypeMirror thrown : executable.getThrownTypes()) {
      if (isError(thrown)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isError(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof ArrayType array) {
      return isError(array.getComponentType());
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        if (isError(argument)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether this element is a method of a class (not an interface, enum or record). */
  static boolean inClass(ExecutableElement method) {
    return method.getEnclosingElement().getKind() == ElementKind.CLASS;
  }
}
