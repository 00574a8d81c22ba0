package io.dbosj.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One {@code @Workflow}, {@code @Step} or {@code @Transaction} method, with the options from its
 * annotation.
 *
 * @param element the method
 * @param kind workflow, step or transaction: the first of those annotations present
 * @param conflicting the other durable annotations on the method, which should not be there
 * @param name the annotation's {@code name}, empty for the method's own
 * @param options the options of the annotation that decides {@code kind}
 * @param schedule for a {@code @Scheduled} method, else {@code null}
 */
record DurableMethodModel(
    ExecutableElement element,
    MethodKind kind,
    List<Where> conflicting,
    Option<String> name,
    MethodOptions options,
    ScheduleModel schedule) {

  /** The recorded name: the annotation's {@code name}, else the method's. */
  String durableName() {
    return name.value().isEmpty() ? methodName() : name.value();
  }

  String methodName() {
    return element.getSimpleName().toString();
  }
}
