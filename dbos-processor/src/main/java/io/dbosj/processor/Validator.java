package io.dbosj.processor;

import io.dbosj.annotation.Scheduled;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Transaction;
import io.dbosj.annotation.Workflow;
import io.dbosj.cron.CronDialect;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Finds every problem of a durable class that would stop its subclass from working. */
final class Validator {
  private Validator() {}

  static Problems validate(DurableClassModel model) {
    Problems problems = new Problems();
    validateClass(model, problems);
    validateSchedules(model.type(), problems);
    Map<String, DurableMethodModel> byName = new HashMap<>();
    for (DurableMethodModel method : model.methods()) {
      validateMethod(method, problems);
      DurableMethodModel first = byName.putIfAbsent(method.durableName(), method);
      if (first != null) {
        problems.add(
            method.element(),
            Messages.duplicateName(method.durableName(), describe(first.element())));
      }
    }
    return problems;
  }

  private static void validateClass(DurableClassModel model, Problems problems) {
    TypeElement type = model.type();
    String name = type.getSimpleName().toString();
    if (type.getModifiers().contains(Modifier.FINAL)) {
      problems.add(type, Messages.finalClass(name));
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      problems.add(type, Messages.abstractClass(name));
    }
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
      problems.add(type, Messages.innerClass(name));
    }
    if (privateOrInPrivate(type)) {
      problems.add(type, Messages.privateClass(name));
    }
    if (!type.getTypeParameters().isEmpty()) {
      problems.add(type, Messages.genericClass(name));
    }
    // a private class's implicit constructor is private too: [dbos.private-class] says it all
    if (model.constructors().isEmpty() && !type.getModifiers().contains(Modifier.PRIVATE)) {
      problems.add(type, Messages.noConstructor(name));
    }
  }

  private static boolean privateOrInPrivate(TypeElement type) {
    for (Element e = type;
        e.getKind().isClass() || e.getKind().isInterface();
        e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  private static void validateMethod(DurableMethodModel method, Problems problems) {
    ExecutableElement element = method.element();
    String annotation =
        switch (method.kind()) {
          case WORKFLOW -> "Workflow";
          case STEP -> "Step";
          case TRANSACTION -> "Transaction";
        };
    int kinds =
        (element.getAnnotation(Workflow.class) != null ? 1 : 0)
            + (element.getAnnotation(Step.class) != null ? 1 : 0)
            + (element.getAnnotation(Transaction.class) != null ? 1 : 0);
    if (kinds > 1) {
      problems.add(element, Messages.stepAndWorkflow());
    }
    if (element.getModifiers().contains(Modifier.PRIVATE)) {
      problems.add(element, Messages.privateMethod(annotation));
    }
    if (element.getModifiers().contains(Modifier.STATIC)) {
      problems.add(element, Messages.staticMethod(annotation));
    }
    if (element.getModifiers().contains(Modifier.FINAL)) {
      problems.add(element, Messages.finalMethod(annotation));
    }
    if (element.getModifiers().contains(Modifier.ABSTRACT)) {
      problems.add(element, Messages.abstractMethod(annotation));
    }
    if (!element.getTypeParameters().isEmpty()) {
      problems.add(element, Messages.genericMethod(annotation));
    }
    validateOptions(method, problems);
  }

  private static void validateOptions(DurableMethodModel method, Problems problems) {
    ExecutableElement element = method.element();
    if (method.kind() == MethodKind.TRANSACTION) {
      return;
    }
    if (method.kind() == MethodKind.WORKFLOW) {
      if (method.maxRecoveryAttempts() < 1) {
        problems.add(
            element,
            Messages.badOption(
                "@Workflow(maxRecoveryAttempts = " + method.maxRecoveryAttempts()
                    + ") must be at least 1: it counts the starts recovery may make."));
      }
      return;
    }
    if (method.maxAttempts() < 1) {
      problems.add(
          element,
          Messages.badOption(
              "@Step(maxAttempts = " + method.maxAttempts()
                  + ") must be at least 1 (1 means no retries)."));
    }
    if (method.intervalSeconds() < 0 || Double.isNaN(method.intervalSeconds())) {
      problems.add(
          element,
          Messages.badOption(
              "@Step(intervalSeconds = " + method.intervalSeconds() + ") must be 0 or more."));
    }
    if (!(method.backoffRate() >= 1)) {
      problems.add(
          element,
          Messages.badOption(
              "@Step(backoffRate = " + method.backoffRate()
                  + ") must be at least 1: each retry waits this many times longer than the last."));
    }
  }

  /** {@code @Scheduled} anywhere in the class: on a workflow, with a valid schedule. */
  private static void validateSchedules(TypeElement type, Problems problems) {
    for (ExecutableElement element : ElementFilter.methodsIn(type.getEnclosedElements())) {
      Scheduled scheduled = element.getAnnotation(Scheduled.class);
      if (scheduled != null) {
        validateSchedule(element, scheduled, problems);
      }
    }
  }

  private static void validateSchedule(
      ExecutableElement element, Scheduled scheduled, Problems problems) {
    if (element.getAnnotation(Workflow.class) == null || element.getAnnotation(Step.class) != null) {
      problems.add(element, Messages.scheduledNotWorkflow());
    }
    boolean hasValue = !scheduled.value().isBlank();
    boolean hasCron = !scheduled.cron().isBlank();
    if (hasValue == hasCron) {
      problems.add(element, Messages.scheduledCron(hasValue));
    } else {
      String expression = hasValue ? scheduled.value() : scheduled.cron();
      CronDialect.problem(expression)
          .ifPresent(problem -> problems.add(element, Messages.badCron(expression, problem)));
    }
    try {
      ZoneId.of(scheduled.zone());
    } catch (DateTimeException e) {
      problems.add(element, Messages.badZone(scheduled.zone()));
    }
    if (scheduled.maxCatchUp() < 0) {
      problems.add(
          element,
          Messages.badOption(
              "@Scheduled(maxCatchUp = " + scheduled.maxCatchUp() + ") must be 0 or more."));
    }
    List<? extends VariableElement> parameters = element.getParameters();
    if (parameters.size() != 2
        || !isInstant(parameters.get(0).asType())
        || !isInstant(parameters.get(1).asType())) {
      problems.add(element, Messages.scheduledParameters());
    }
  }

  private static boolean isInstant(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals("java.time.Instant");
  }

  /** Problems of an annotated method outside any durable class model. */
  static void validateStray(ExecutableElement method, Problems problems) {
    ElementKind kind = method.getEnclosingElement().getKind();
    String what =
        switch (kind) {
          case INTERFACE -> "an interface";
          case ENUM -> "an enum";
          case RECORD -> "a record";
          case ANNOTATION_TYPE -> "an annotation type";
          default -> "a " + kind.name().toLowerCase(Locale.ROOT);
        };
    problems.add(method, Messages.notAClass(what));
  }

  private static String describe(ExecutableElement method) {
    return method.getSimpleName() + "(" + method.getParameters().size() + " parameter"
        + (method.getParameters().size() == 1 ? "" : "s") + ")";
  }
}
