package io.dbosj.processor;

import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Decides which declared exceptions a descriptor can rebuild on replay: {@code .rebuilds(X.class,
 * X::new)} needs a concrete, non-generic class with a {@code (String message)} constructor that
 * the generated class (in {@code packageName}) may call. Other exceptions are still recorded; on
 * replay the runtime rethrows them as its own documented exception instead.
 */
final class ExceptionRebuilds {
  private ExceptionRebuilds() {}

  /** The {@code (String)} constructor generated code can call as {@code X::new}, if any. */
  static Optional<ExecutableElement> messageConstructor(TypeMirror thrown, String packageName) {
    if (!(thrown instanceof DeclaredType declared)
        || !(declared.asElement() instanceof TypeElement type)
        || type.getKind() != ElementKind.CLASS
        || type.getModifiers().contains(Modifier.ABSTRACT)
        || !type.getTypeParameters().isEmpty()
        || !accessible(type, packageName)) {
      return Optional.empty();
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().size() == 1
          && isString(constructor.getParameters().get(0).asType())
          && !constructor.isVarArgs()
          && constructor.getThrownTypes().isEmpty()
          && accessible(constructor, packageName)) {
        return Optional.of(constructor);
      }
    }
    return Optional.empty();
  }

  /** Whether the type and each type enclosing it can be named from {@code packageName}. */
  private static boolean accessible(TypeElement type, String packageName) {
    for (Element e = type;
        e.getKind().isClass() || e.getKind().isInterface();
        e = e.getEnclosingElement()) {
      if (!accessible(e, packageName)) {
        return false;
      }
    }
    return true;
  }

  private static boolean accessible(Element element, String packageName) {
    if (element.getModifiers().contains(Modifier.PUBLIC)) {
      return true;
    }
    return !element.getModifiers().contains(Modifier.PRIVATE)
        && packageOf(element).getQualifiedName().contentEquals(packageName);
  }

  private static PackageElement packageOf(Element element) {
    Element e = element;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return (PackageElement) e;
  }

  private static boolean isString(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals("java.lang.String");
  }
}
