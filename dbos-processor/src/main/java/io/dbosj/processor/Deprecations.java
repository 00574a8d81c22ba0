package io.dbosj.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Finds the deprecated elements that generated code mentions. javac warns about any use of a
 * deprecated element outside the class declaring it, and the generated class is another class, so
 * each such use is either inside a member marked {@code @Deprecated} (mirroring the user's) or
 * under {@code @SuppressWarnings("deprecation")}.
 */
final class Deprecations {
  private Deprecations() {}

  static boolean isDeprecated(Element element) {
    return element.getAnnotation(Deprecated.class) != null;
  }

  /** Whether the signature of {@code executable} names a deprecated type. */
  static boolean signatureMentionsDeprecated(ExecutableElement executable) {
    if (mentionsDeprecated(executable.getReturnType())) {
      return true;
    }
    for (VariableElement parameter : executable.getParameters()) {
      if (mentionsDeprecated(parameter.asType())) {
        return true;
      }
    }
    for (TypeMirror thrown : executable.getThrownTypes()) {
      if (mentionsDeprecated(thrown)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code type}, its enclosing types, type arguments or bounds are deprecated. */
  static boolean mentionsDeprecated(TypeMirror type) {
    if (type instanceof ArrayType array) {
      return mentionsDeprecated(array.getComponentType());
    }
    if (type instanceof WildcardType wildcard) {
      return (wildcard.getExtendsBound() != null && mentionsDeprecated(wildcard.getExtendsBound()))
          || (wildcard.getSuperBound() != null && mentionsDeprecated(wildcard.getSuperBound()));
    }
    if (!(type instanceof DeclaredType declared)) {
      return false;
    }
    for (Element e = declared.asElement();
        e != null && (e.getKind().isClass() || e.getKind().isInterface());
        e = e.getEnclosingElement()) {
      if (isDeprecated(e)) {
        return true;
      }
    }
    for (TypeMirror argument : declared.getTypeArguments()) {
      if (mentionsDeprecated(argument)) {
        return true;
      }
    }
    return false;
  }
}
