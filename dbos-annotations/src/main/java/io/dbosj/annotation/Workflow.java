package io.dbosj.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a durable workflow. Calling it through the generated {@code XxxDurable}
 * subclass records its inputs before it runs and the output of every {@link Step} it calls, so
 * that a workflow interrupted by a crash is finished by the next launch from its last completed
 * step.
 *
 * <pre>{@code
 * @Workflow
 * public Receipt checkout(Order order) {
 *   reserve(order);          // a @Step
 *   return charge(order);    // a @Step
 * }
 * }</pre>
 *
 * <p>A workflow's body must be deterministic: everything that can differ from one run to the next
 * (I/O, clocks, random numbers) belongs in a step.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Workflow {
  /**
   * The durable name recorded in the system database and used to find the method again during
   * recovery. Defaults to the method's name; overloaded workflows must each set a distinct one.
   * Renaming a workflow that has runs in flight leaves those runs unrecoverable.
   */
  String name() default "";

  /**
   * How many times recovery may restart this workflow before giving up on it with status
   * {@code MAX_RECOVERY_ATTEMPTS_EXCEEDED}. Counts starts, so a workflow that crashes its process
   * every time stops being retried.
   */
  int maxRecoveryAttempts() default 100;
}
