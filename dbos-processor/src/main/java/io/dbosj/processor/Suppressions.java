package io.dbosj.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The warnings one generated member suppresses, written as one {@code @SuppressWarnings} in a
 * stable (sorted) order, or none at all.
 */
final class Suppressions {
  private final Set<String> warnings = new TreeSet<>();

  Suppressions add(String warning) {
    warnings.add(warning);
    return this;
  }

  Suppressions addIf(boolean condition, String warning) {
    return condition ? add(warning) : this;
  }

  boolean isEmpty() {
    return warnings.isEmpty();
  }

  /** The annotation; call only when not {@link #isEmpty()}. */
  AnnotationSpec annotation() {
    AnnotationSpec.Builder annotation = AnnotationSpec.builder(SuppressWarnings.class);
    if (warnings.size() == 1) {
      return annotation.addMember("value", "$S", warnings.iterator().next()).build();
    }
    List<CodeBlock> values = new ArrayList<>();
    for (String warning : warnings) {
      values.add(CodeBlock.of("$S", warning));
    }
    return annotation.addMember("value", "{$L}", CodeBlock.join(values, ", ")).build();
  }
}
