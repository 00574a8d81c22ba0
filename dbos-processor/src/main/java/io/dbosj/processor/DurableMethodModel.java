package io.dbosj.processor;

import javax.lang.model.element.ExecutableElement;

/**
 * One {@code @Workflow} or {@code @Step} method, with the options from its annotation.
 *
 * @param element the method
 * @param kind workflow or step
 * @param durableName the recorded name: the annotation's {@code name}, else the method's
 * @param maxRecoveryAttempts for a workflow
 * @param maxAttempts for a step
 * @param intervalSeconds for a step
 * @param backoffRate for a step
 */
record DurableMethodModel(
    ExecutableElement element,
    MethodKind kind,
    String durableName,
    int maxRecoveryAttempts,
    int maxAttempts,
    double intervalSeconds,
    double backoffRate) {

  String methodName() {
    return element.getSimpleName().toString();
  }
}
