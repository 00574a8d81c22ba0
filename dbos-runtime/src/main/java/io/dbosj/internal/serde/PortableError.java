package io.dbosj.internal.serde;

import java.util.List;

/**
 * A recorded exception as {@code portable_json} holds it: DBOS's four fields ({@code name},
 * {@code message}, {@code code}, {@code data}), which DBOS's SDKs in every language read, then
 * {@code className} and {@code stack}, which they ignore (DBOS Java's and TypeScript's readers
 * skip unknown fields) and from which this project rebuilds the exception.
 */
record PortableError(
    String name, String message, Object code, Object data, String className, List<RecordedError.Frame> stack) {

  static PortableError of(RecordedError error) {
    return new PortableError(simpleName(error.className()), error.message(), null, null, error.className(), error.stack());
  }

  /** What DBOS Java writes as {@code name}: the class's simple name ({@code Outer$Inner} gives {@code Inner}). */
  private static String simpleName(String className) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return simple.substring(simple.lastIndexOf('$') + 1);
  }
}
