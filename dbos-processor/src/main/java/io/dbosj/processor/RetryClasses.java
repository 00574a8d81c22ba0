package io.dbosj.processor;

import java.util.List;
import java.util.StringJoiner;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a step's {@code retryOn} and {@code noRetryFor} classes. Each rule catches a list that
 * would not do what it says: a choice of retries with no retry allowed, an {@code Error} (never
 * retried anyway), a checked exception the method cannot throw, a class in both lists, a {@code
 * noRetryFor} class outside every {@code retryOn} class, and a private class the generated
 * subclass cannot name.
 */
final class RetryClasses {
  private final Types types;
  private final TypeMirror runtimeException;
  private final TypeMirror error;

  RetryClasses(Types types, Elements elements) {
    this.types = types;
    this.runtimeException = elements.getTypeElement("java.lang.RuntimeException").asType();
    this.error = elements.getTypeElement("java.lang.Error").asType();
  }

  void validate(ExecutableElement method, MethodOptions.StepOptions step, Problems problems) {
    List<ListedClass> retryOn = step.retryOn().value();
    List<ListedClass> noRetryFor = step.noRetryFor().value();
    if (step.maxAttempts().value() == 1) {
      if (!retryOn.isEmpty()) {
        problems.add(step.retryOn().where(), Messages.retryWithoutAttempts("retryOn"));
      }
      if (!noRetryFor.isEmpty()) {
        problems.add(step.noRetryFor().where(), Messages.retryWithoutAttempts("noRetryFor"));
      }
    }
    for (ListedClass listed : retryOn) {
      check(method, "retryOn", listed, problems);
    }
    for (ListedClass listed : noRetryFor) {
      if (check(method, "noRetryFor", listed, problems)) {
        checkInsideRetryOn(listed, retryOn, problems);
      }
    }
  }

  /** The rules for a class of either list; returns whether it passed them. */
  private boolean check(ExecutableElement method, String option, ListedClass listed, Problems problems) {
    TypeMirror type = listed.type();
    if (isPrivate(types.asElement(type))) {
      problems.add(listed.where(), Messages.privateRetryClass(option, type));
    } else if (types.isSubtype(type, error)) {
      problems.add(listed.where(), Messages.retriedError(option, type));
    } else if (!canBeThrown(type, method)) {
      problems.add(listed.where(), Messages.neverThrown(option, type, method.getSimpleName().toString()));
    } else {
      return true;
    }
    return false;
  }

  private void checkInsideRetryOn(ListedClass excluded, List<ListedClass> retryOn, Problems problems) {
    if (retryOn.isEmpty()) {
      return;
    }
    for (ListedClass listed : retryOn) {
      if (types.isSameType(listed.type(), excluded.type())) {
        problems.add(excluded.where(), Messages.retryOnAndNoRetryFor(excluded.type()));
        return;
      }
    }
    StringJoiner retried = new StringJoiner(", ");
    for (ListedClass listed : retryOn) {
      if (types.isSubtype(excluded.type(), listed.type())) {
        return;
      }
      retried.add(listed.type().toString());
    }
    problems.add(excluded.where(), Messages.noRetryForOutsideRetryOn(excluded.type(), retried.toString()));
  }

  /**
   * Whether the method can throw {@code type}: it is unchecked, or a supertype of the unchecked
   * ones ({@code Exception}), or related to an exception the method declares.
   */
  private boolean canBeThrown(TypeMirror type, ExecutableElement method) {
    if (types.isSubtype(type, runtimeException) || types.isSubtype(runtimeException, type)) {
      return true;
    }
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (types.isSubtype(type, thrown) || types.isSubtype(thrown, type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPrivate(Element type) {
    for (Element e = type; e != null && (e.getKind().isClass() || e.getKind().isInterface()); e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }
}
