package io.dbosj.processor;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Finds, in a recorded type (a workflow's parameter, a durable method's result), a type that
 * Jackson can write but not read back as declared: after a crash the recorded value would fail to
 * load and the workflow would end in {@code ERROR}.
 *
 * <p>It mirrors how jackson-databind 3 (as the runtime configures it: no modules, no mix-ins)
 * chooses a way to create a value, and judges only what the type mirrors show for certain. A type
 * it cannot judge is accepted, and the runtime's first recording of a value catches the rest:
 *
 * <ul>
 *   <li>JDK types ({@code java.*}, {@code javax.*}) are Jackson's own business (it reads {@code
 *       UUID}, {@code BigDecimal}, {@code java.time}, {@code List}, {@code Map}, {@code
 *       CharSequence}, ...); only the element types of their collections, maps (values), {@code
 *       Optional}s and {@code AtomicReference}s are checked.
 *   <li>A type that carries any Jackson annotation (on itself, a supertype, or a member), or a
 *       Lombok one, has told Jackson how to read it in a way this check does not second-guess.
 *   <li>A concrete class is readable with a no-arg constructor of any visibility (Jackson makes it
 *       accessible), a {@code @ConstructorProperties} constructor, or a single public constructor
 *       (Jackson 3 uses it when parameter names are compiled in with {@code -parameters}, which a
 *       processor cannot see). Non-public constructors with parameters are never used implicitly,
 *       nor is one public constructor among several.
 *   <li>Records (whose components are checked in turn) and enums are always readable.
 * </ul>
 */
final class RecordedTypes {
  /** The one way a recorded type fails, on the innermost offending type. */
  record Unreadable(Reason reason, TypeElement type) {}

  enum Reason {
    NO_CREATOR,
    ABSTRACT,
    INNER_CLASS
  }

  private static final List<String> ANNOTATION_PACKAGES =
      List.of(
          "com.fasterxml.jackson.annotation.",
          "com.fasterxml.jackson.databind.annotation.",
          "tools.jackson.databind.annotation.",
          "lombok.");
  private static final String ANNOTATIONS_INSIDE =
      "com.fasterxml.jackson.annotation.JacksonAnnotationsInside";
  private static final String CONSTRUCTOR_PROPERTIES = "java.beans.ConstructorProperties";

  private final Types types;

  RecordedTypes(Types types) {
    this.types = types;
  }

  /** The first type in {@code type} (itself or nested in it) that cannot be read back. */
  Optional<Unreadable> unreadable(TypeMirror type) {
    return check(type, new HashSet<>());
  }

  private Optional<Unreadable> check(TypeMirror type, Set<String> seen) {
    if (type instanceof ArrayType array) {
      return check(array.getComponentType(), seen);
    }
    if (type instanceof WildcardType wildcard) {
      // Jackson reads List<? extends Foo> as a List<Foo>; List<? super Foo> as a List<Object>
      TypeMirror bound = wildcard.getExtendsBound();
      return bound == null ? Optional.empty() : check(bound, seen);
    }
    if (type.getKind() != TypeKind.DECLARED || !seen.add(type.toString())) {
      return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    if (isJdk(element)) {
      return checkContained(declared, seen);
    }
    if (annotatedForJackson(element) || isThrowable(element)) {
      return Optional.empty();
    }
    switch (element.getKind()) {
      case ENUM:
        return Optional.empty();
      case RECORD:
        return checkComponents(declared, element, seen);
      case CLASS:
        if (element.getModifiers().contains(Modifier.ABSTRACT)) {
          return Optional.of(new Unreadable(Reason.ABSTRACT, element));
        }
        if (element.getNestingKind() == NestingKind.MEMBER
            && !element.getModifiers().contains(Modifier.STATIC)) {
          return Optional.of(new Unreadable(Reason.INNER_CLASS, element));
        }
        return hasCreator(element)
            ? Optional.empty()
            : Optional.of(new Unreadable(Reason.NO_CREATOR, element));
      default:
        // interfaces (annotation types among them)
        return Optional.of(new Unreadable(Reason.ABSTRACT, element));
    }
  }

  private static boolean isJdk(TypeElement element) {
    String name = element.getQualifiedName().toString();
    return name.startsWith("java.") || name.startsWith("javax.");
  }

  /** The types a JDK container holds: what Jackson reads with the type's own rules. */
  private Optional<Unreadable> checkContained(DeclaredType declared, Set<String> seen) {
    for (TypeMirror contained : containedTypes(declared)) {
      Optional<Unreadable> found = check(contained, seen);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private List<TypeMirror> containedTypes(DeclaredType declared) {
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    switch (name) {
      case "java.util.Optional":
      case "java.util.concurrent.atomic.AtomicReference":
      case "java.lang.Iterable":
        return List.copyOf(declared.getTypeArguments());
      case "java.util.Map":
        // keys are read by key deserializers (from their string form), a different question
        return declared.getTypeArguments().size() == 2
            ? List.of(declared.getTypeArguments().get(1))
            : List.of();
      default:
        for (TypeMirror supertype : types.directSupertypes(declared)) {
          if (supertype instanceof DeclaredType parent && isJdk((TypeElement) parent.asElement())) {
            List<TypeMirror> found = containedTypes(parent);
            if (!found.isEmpty()) {
              return found;
            }
          }
        }
        return List.of();
    }
  }

  private Optional<Unreadable> checkComponents(
      DeclaredType declared, TypeElement record, Set<String> seen) {
    for (RecordComponentElement component : record.getRecordComponents()) {
      ExecutableElement accessor = component.getAccessor();
      TypeMirror componentType =
          accessor == null
              ? component.asType()
              : ((ExecutableType) types.asMemberOf(declared, accessor))
                  .getReturnType();
      Optional<Unreadable> found = check(componentType, seen);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Exceptions are read by Jackson's own throwable deserializer, with rules of its own. */
  private static boolean isThrowable(TypeElement type) {
    for (TypeMirror superclass = type.getSuperclass();
        superclass instanceof DeclaredType parent;
        superclass = ((TypeElement) parent.asElement()).getSuperclass()) {
      if (((TypeElement) parent.asElement()).getQualifiedName().contentEquals("java.lang.Throwable")) {
        return true;
      }
    }
    return false;
  }

  /** A way Jackson 3 creates the class without annotations (see the class comment). */
  private static boolean hasCreator(TypeElement type) {
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
    int publicConstructors = 0;
    for (ExecutableElement constructor : constructors) {
      if (constructor.getParameters().isEmpty() || hasAnnotation(constructor, CONSTRUCTOR_PROPERTIES)) {
        return true;
      }
      if (constructor.getModifiers().contains(Modifier.PUBLIC)) {
        publicConstructors++;
      }
    }
    return publicConstructors == 1;
  }

  /** Whether the type, a supertype, or any member or parameter of the type is annotated. */
  private boolean annotatedForJackson(TypeElement type) {
    if (hasJacksonAnnotation(type)) {
      return true;
    }
    for (Element member : type.getEnclosedElements()) {
      if (hasJacksonAnnotation(member)) {
        return true;
      }
      if (member instanceof ExecutableElement executable) {
        for (VariableElement parameter : executable.getParameters()) {
          if (hasJacksonAnnotation(parameter)) {
            return true;
          }
        }
      }
    }
    return anySupertypeAnnotated(type);
  }

  /** A supertype's class-level annotations (@JsonTypeInfo, @JsonDeserialize) are inherited. */
  private boolean annotatedTypeOrSupertype(TypeElement type) {
    return hasJacksonAnnotation(type) || anySupertypeAnnotated(type);
  }

  private boolean anySupertypeAnnotated(TypeElement type) {
    for (TypeMirror supertype : types.directSupertypes(type.asType())) {
      if (supertype instanceof DeclaredType parent
          && !isJdk((TypeElement) parent.asElement())
          && annotatedTypeOrSupertype((TypeElement) parent.asElement())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasJacksonAnnotation(Element element) {
    for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
      TypeElement annotationType = (TypeElement) annotation.getAnnotationType().asElement();
      String name = annotationType.getQualifiedName().toString();
      for (String prefix : ANNOTATION_PACKAGES) {
        if (name.startsWith(prefix)) {
          return true;
        }
      }
      // a user's own annotation that bundles Jackson's
      if (hasAnnotation(annotationType, ANNOTATIONS_INSIDE)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasAnnotation(Element element, String qualifiedName) {
    for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
      if (((TypeElement) annotation.getAnnotationType().asElement())
          .getQualifiedName()
          .contentEquals(qualifiedName)) {
        return true;
      }
    }
    return false;
  }
}
