package io.dbosj.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;

/** The problems found in one class, collected before anything is reported or written. */
final class Problems {
  private record Problem(Where where, String message) {}

  private final List<Problem> problems = new ArrayList<>();

  void add(Element element, String message) {
    add(Where.on(element), message);
  }

  void add(Where where, String message) {
    problems.add(new Problem(where, message));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Reports every problem as an error where it is. */
  void reportTo(Messager messager) {
    for (Problem problem : problems) {
      problem.where().error(messager, problem.message());
    }
  }
}
