package io.dbosj.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** The problems found in one class, collected before anything is reported or written. */
final class Problems {
  private record Problem(Element element, String message) {}

  private final List<Problem> problems = new ArrayList<>();

  void add(Element element, String message) {
    problems.add(new Problem(element, message));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Reports every problem as an error on its element. */
  void reportTo(Messager messager) {
    for (Problem problem : problems) {
      messager.printMessage(Diagnostic.Kind.ERROR, problem.message(), problem.element());
    }
  }
}
