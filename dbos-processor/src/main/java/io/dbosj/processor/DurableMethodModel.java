package io.dbosj.processor;

import javax.lang.model.element.ExecutableElement;

/**
 * One {@code @Workflow}, {@code @Step} or {@code @Transaction} method, with the options from its
 * annotation.
 *
 * @param element the method
 * @param kind workflow, step or transaction
 * @param durableName the recorded name: the annotation's {@code name}, else the method's
 * @param maxRecoveryAttempts for a workflow
 * @param maxAttempts for a step
 * @param intervalSeconds for a step
 * @param backoffRate for a step
 * @param schedule for a {@code @Scheduled} workflow, else {@code null}
 * @param isolation for a transaction: the {@code Isolation} constant's name
 * @param readOnly for a transaction
 */
record DurableMethodModel(
    ExecutableElement element,
    MethodKind kind,
    String durableName,
    int maxRecoveryAttempts,
    int maxAttempts,
    double intervalSeconds,
    double backoffRate,
    ScheduleModel schedule,
    String isolation,
    boolean readOnly) {

  /** A {@code @Scheduled} annotation's options; {@code cron} is whichever alias was set. */
  record ScheduleModel(String value, String cron, String zone, int maxCatchUp) {
    String expression() {
      return value.isEmpty() ? cron : value;
    }
  }

  String methodName() {
    return element.getSimpleName().toString();
  }
}
