package io.dbosj.processor;

import static io.dbosj.processor.RuntimeTypes.TYPE_TOKEN;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the {@code TypeToken} expression of a type: {@code TypeToken.of(String.class)} for a
 * class, array or primitive, and {@code new TypeToken<List<Order>>() {}} where only an anonymous
 * subclass can carry the type arguments.
 */
final class TypeTokens {
  private TypeTokens() {}

  static CodeBlock of(TypeMirror type) {
    if (type.getKind() == TypeKind.VOID) {
      return CodeBlock.of("$T.of(void.class)", TYPE_TOKEN);
    }
    if (isParameterized(type)) {
      return CodeBlock.of("new $T<$T>() {}", TYPE_TOKEN, TypeName.get(type));
    }
    return CodeBlock.of("$T.of($T.class)", TYPE_TOKEN, TypeName.get(type));
  }

  /** The type argument of {@code DurableMethod<R>} for a method returning {@code type}. */
  static TypeName resultType(TypeMirror type) {
    if (type.getKind() == TypeKind.VOID) {
      return TypeName.get(Void.class);
    }
    return TypeName.get(type).box();
  }

  /** Whether a cast to this type is unchecked. */
  static boolean isParameterized(TypeMirror type) {
    if (type instanceof ArrayType array) {
      return isParameterized(array.getComponentType());
    }
    return type instanceof DeclaredType declared && !declared.getTypeArguments().isEmpty();
  }
}
