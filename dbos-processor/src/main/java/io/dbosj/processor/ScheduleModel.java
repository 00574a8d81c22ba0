package io.dbosj.processor;

import javax.lang.model.element.ExecutableElement;

/**
 * A {@code @Scheduled} method and its options.
 *
 * @param method the annotated method
 * @param annotation the {@code @Scheduled} annotation, for problems with it as a whole
 * @param value the cron expression given as {@code value}
 * @param cron the cron expression given as {@code cron}, the alias of {@code value}
 * @param zone the time zone the expression is read in
 * @param maxCatchUp how many missed ticks run
 * @param onWorkflow whether the method is a {@code @Workflow} and nothing else
 */
record ScheduleModel(
    ExecutableElement method,
    Where annotation,
    Option<String> value,
    Option<String> cron,
    Option<String> zone,
    Option<Integer> maxCatchUp,
    boolean onWorkflow) {

  /** Whichever alias was set. */
  String expression() {
    return value.value().isEmpty() ? cron.value() : value.value();
  }
}
