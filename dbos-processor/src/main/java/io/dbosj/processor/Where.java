package io.dbosj.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Where a problem is reported: an element, narrowed to one of its annotations and to one value of
 * that annotation where there is one, so the IDE underlines exactly what is wrong.
 *
 * @param element the element the problem is about
 * @param annotation the annotation on it, or {@code null}
 * @param value the value within {@code annotation} as written, or {@code null}
 */
record Where(Element element, AnnotationMirror annotation, AnnotationValue value) {
  static Where on(Element element) {
    return new Where(element, null, null);
  }

  static Where on(Element element, AnnotationMirror annotation) {
    return new Where(element, annotation, null);
  }

  void error(Messager messager, String message) {
    if (annotation == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    } else if (value == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
    }
  }
}
