package io.dbosj.processor;

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

/**
 * Finds every problem of a durable class that would stop its subclass from working, from its
 * {@link DurableClassModel} alone.
 */
final class Validator {
  private Validator() {}

  static Problems validate(DurableClassModel model, RecordedTypes recorded, RetryClasses retryClasses) {
    Problems problems = new Problems();
    validateClass(model, problems);
    validateReservedNames(model, problems);
    for (ScheduleModel schedule : model.schedules()) {
      validateSchedule(schedule, problems);
    }
    Map<String, DurableMethodModel> byName = new HashMap<>();
    for (DurableMethodModel method : model.methods()) {
      validateMethod(method, retryClasses, problems);
      validateRecordedTypes(method, recorded, problems);
      DurableMethodModel first = byName.putIfAbsent(method.durableName(), method);
      if (first != null) {
        problems.add(
            method.name().isDefault() ? Where.on(method.element()) : method.name().where(),
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

  /** A member the class declares is reported on itself; an inherited one, on the class. */
  private static void validateReservedNames(DurableClassModel model, Problems problems) {
    String name = model.type().getSimpleName().toString();
    for (Element member : model.reservedNameClashes()) {
      boolean inherited = !member.getEnclosingElement().equals(model.type());
      Element where = inherited ? model.type() : member;
      problems.add(
          where,
          member.getKind() == ElementKind.METHOD
              ? Messages.reservedMethodName(name, model.generatedName(), member, inherited)
              : Messages.reservedTypeName(name, model.generatedName(), member, inherited));
    }
  }

  private static void validateMethod(
      DurableMethodModel method, RetryClasses retryClasses, Problems problems) {
    ExecutableElement element = method.element();
    String annotation =
        switch (method.kind()) {
          case WORKFLOW -> "Workflow";
          case STEP -> "Step";
          case TRANSACTION -> "Transaction";
        };
    if (!method.conflicting().isEmpty()) {
      problems.add(method.conflicting().get(0), Messages.stepAndWorkflow());
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
    validateOptions(method.options(), problems);
    if (method.options() instanceof MethodOptions.StepOptions step) {
      retryClasses.validate(element, step, problems);
    }
  }

  /**
   * A workflow's arguments and every durable method's result are recorded as JSON and read back
   * as their declared types after a crash; a step's or transaction's arguments are not recorded.
   */
  private static void validateRecordedTypes(
      DurableMethodModel method, RecordedTypes recorded, Problems problems) {
    ExecutableElement element = method.element();
    if (method.kind() == MethodKind.WORKFLOW) {
      for (VariableElement parameter : element.getParameters()) {
        recorded
            .unreadable(parameter.asType())
            .ifPresent(
                found ->
                    problems.add(
                        parameter,
                        Messages.unreadableType(
                            "parameter '" + parameter.getSimpleName() + "' of workflow "
                                + element.getSimpleName() + "()",
                            parameter.asType(),
                            found)));
      }
    }
    recorded
        .unreadable(element.getReturnType())
        .ifPresent(
            found ->
                problems.add(
                    element,
                    Messages.unreadableType(
                        "the result of " + element.getSimpleName() + "()",
                        element.getReturnType(),
                        found)));
  }

  private static void validateOptions(MethodOptions options, Problems problems) {
    if (options instanceof MethodOptions.WorkflowOptions workflow) {
      Option<Integer> attempts = workflow.maxRecoveryAttempts();
      if (attempts.value() < 1) {
        problems.add(attempts.where(), Messages.maxRecoveryAttempts(attempts.value()));
      }
    } else if (options instanceof MethodOptions.StepOptions step) {
      Option<Integer> attempts = step.maxAttempts();
      if (attempts.value() < 1) {
        problems.add(attempts.where(), Messages.maxAttempts(attempts.value()));
      }
      Option<Double> interval = step.intervalSeconds();
      if (!(interval.value() >= 0)) {
        problems.add(interval.where(), Messages.interval(interval.value()));
      }
      Option<Double> backoff = step.backoffRate();
      if (!(backoff.value() >= 1)) {
        problems.add(backoff.where(), Messages.backoffRate(backoff.value()));
      }
      Option<Double> timeout = step.timeoutSeconds();
      if (!(timeout.value() >= 0) || timeout.value().isInfinite()) {
        problems.add(timeout.where(), Messages.stepTimeout(timeout.value()));
      }
    }
  }

  private static void validateSchedule(ScheduleModel schedule, Problems problems) {
    if (!schedule.onWorkflow()) {
      problems.add(schedule.annotation(), Messages.scheduledNotWorkflow());
    }
    boolean hasValue = !schedule.value().value().isBlank();
    boolean hasCron = !schedule.cron().value().isBlank();
    if (hasValue && hasCron) {
      problems.add(schedule.cron().where(), Messages.cronTwice());
    } else if (!hasValue && !hasCron) {
      problems.add(schedule.annotation(), Messages.missingCron());
    } else {
      Option<String> given = hasValue ? schedule.value() : schedule.cron();
      CronDialect.problem(given.value())
          .ifPresent(problem -> problems.add(given.where(), Messages.badCron(given.value(), problem)));
    }
    Option<String> zone = schedule.zone();
    try {
      ZoneId.of(zone.value());
    } catch (DateTimeException e) {
      problems.add(zone.where(), Messages.badZone(zone.value()));
    }
    Option<Integer> maxCatchUp = schedule.maxCatchUp();
    if (maxCatchUp.value() < 0) {
      problems.add(maxCatchUp.where(), Messages.maxCatchUp(maxCatchUp.value()));
    }
    List<? extends VariableElement> parameters = schedule.method().getParameters();
    if (parameters.size() != 2
        || !isInstant(parameters.get(0).asType())
        || !isInstant(parameters.get(1).asType())) {
      problems.add(schedule.method(), Messages.scheduledParameters());
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
