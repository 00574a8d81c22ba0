package io.dbosj.internal.codegen;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * The exact, generic type of a parameter or result, captured at compile time so that recorded
 * values are read back as the declared type and never as a type named by the stored data.
 *
 * <p>Generated code writes {@code TypeToken.of(String.class)} for a plain class (or a primitive:
 * {@code TypeToken.of(int.class)} is a {@code TypeToken<Integer>} that knows it stands for
 * {@code int}) and {@code new TypeToken<List<Order>>() {}} for a parameterized type.
 */
public abstract class TypeToken<T> {
  private static final Map<Class<?>, Object> PRIMITIVE_DEFAULTS =
      Map.of(
          boolean.class, false,
          byte.class, (byte) 0,
          short.class, (short) 0,
          char.class, (char) 0,
          int.class, 0,
          long.class, 0L,
          float.class, 0f,
          double.class, 0d);

  private final Type type;

  /** Captures the type argument of an anonymous subclass: {@code new TypeToken<List<X>>() {}}. */
  protected TypeToken() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType)) {
      throw new IllegalStateException("TypeToken must be created with a type argument");
    }
    this.type = ((ParameterizedType) superclass).getActualTypeArguments()[0];
  }

  private TypeToken(Type type) {
    this.type = type;
  }

  /** The token of a class, a primitive type ({@code int.class}) or {@code void.class}. */
  public static <T> TypeToken<T> of(Class<T> type) {
    return new TypeToken<T>(type) {};
  }

  /** The Java type, as declared. */
  public Type type() {
    return type;
  }

  /** Whether this stands for {@code void} or {@code Void}: a method with no result. */
  public boolean isVoid() {
    return type == void.class || type == Void.class;
  }

  /**
   * The value a method of this return type hands back when its call is recorded instead of run:
   * {@code null}, or zero/false for a primitive so that unboxing cannot fail.
   */
  @SuppressWarnings("unchecked")
  public T defaultValue() {
    return (T) PRIMITIVE_DEFAULTS.get(type);
  }

  @Override
  public String toString() {
    return type.getTypeName();
  }
}
