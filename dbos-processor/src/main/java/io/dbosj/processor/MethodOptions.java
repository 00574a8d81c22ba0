package io.dbosj.processor;

import java.util.List;

/** The options of a durable method's annotation, one record per kind of durable method. */
sealed interface MethodOptions {
  /** {@code @Workflow}'s options. */
  record WorkflowOptions(Option<Integer> maxRecoveryAttempts) implements MethodOptions {}

  /** {@code @Step}'s options. */
  record StepOptions(
      Option<Integer> maxAttempts,
      Option<Double> intervalSeconds,
      Option<Double> backoffRate,
      Option<List<ListedClass>> retryOn,
      Option<List<ListedClass>> noRetryFor,
      Option<Double> timeoutSeconds)
      implements MethodOptions {}

  /** {@code @Transaction}'s options; {@code isolation} is the {@code Isolation} constant's name. */
  record TransactionOptions(Option<String> isolation, Option<Boolean> readOnly)
      implements MethodOptions {}
}
