package io.dbosj.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** The options of one annotation on one element, read from its mirror with the defaults filled in. */
final class AnnotationOptions {
  private final Element element;
  private final AnnotationMirror mirror;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> written;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults;

  private AnnotationOptions(Element element, AnnotationMirror mirror, Elements elements) {
    this.element = element;
    this.mirror = mirror;
    this.written = mirror.getElementValues();
    this.withDefaults = elements.getElementValuesWithDefaults(mirror);
  }

  /** The annotation of type {@code annotation} on {@code element}, if present. */
  static Optional<AnnotationOptions> of(Element element, Class<?> annotation, Elements elements) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation.getCanonicalName())) {
        return Optional.of(new AnnotationOptions(element, mirror, elements));
      }
    }
    return Optional.empty();
  }

  /** The annotation as a whole, for problems that are not about one value. */
  Where where() {
    return Where.on(element, mirror);
  }

  /** A {@code String}, primitive or boxed option. */
  <T> Option<T> get(String name, Class<T> type) {
    ExecutableElement option = option(name);
    return read(option, type.cast(withDefaults.get(option).getValue()));
  }

  /** An enum option, as its constant's name. */
  Option<String> enumConstant(String name) {
    ExecutableElement option = option(name);
    VariableElement constant = (VariableElement) withDefaults.get(option).getValue();
    return read(option, constant.getSimpleName().toString());
  }

  /**
   * A {@code Class[]} option whose default is empty, each class with its own place, so a problem
   * with one is underlined on it. A value that is not a resolved class (javac reports it) is left
   * out.
   */
  Option<List<ListedClass>> classes(String name) {
    ExecutableElement option = option(name);
    AnnotationValue asWritten = written.get(option);
    List<ListedClass> classes = new ArrayList<>();
    for (Object value : (List<?>) withDefaults.get(option).getValue()) {
      if (value instanceof AnnotationValue listed && listed.getValue() instanceof TypeMirror type) {
        classes.add(new ListedClass(type, asWritten == null ? Where.on(element) : new Where(element, mirror, listed)));
      }
    }
    Where where = asWritten == null ? Where.on(element) : new Where(element, mirror, asWritten);
    return new Option<>(List.copyOf(classes), classes.isEmpty(), where);
  }

  private <T> Option<T> read(ExecutableElement option, T value) {
    AnnotationValue asWritten = written.get(option);
    boolean isDefault =
        asWritten == null || asWritten.getValue().equals(option.getDefaultValue().getValue());
    Where where = asWritten == null ? Where.on(element) : new Where(element, mirror, asWritten);
    return new Option<>(value, isDefault, where);
  }

  private ExecutableElement option(String name) {
    for (ExecutableElement option : withDefaults.keySet()) {
      if (option.getSimpleName().contentEquals(name)) {
        return option;
      }
    }
    throw new IllegalArgumentException(
        "@" + mirror.getAnnotationType().asElement().getSimpleName() + " has no option " + name);
  }
}
