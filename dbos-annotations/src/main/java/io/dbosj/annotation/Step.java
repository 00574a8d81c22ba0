package io.dbosj.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a step of a workflow. Inside a workflow, a step's output (or the exception it
 * threw) is recorded once it completes; when the workflow is re-executed after a crash, the
 * recorded output is returned without running the step again.
 *
 * <pre>{@code
 * @Step(maxAttempts = 5, intervalSeconds = 0.5, backoffRate = 2)
 * public Quote fetchQuote(String sku) { return pricing.quote(sku); }
 * }</pre>
 *
 * <p>Called outside a workflow, a step is an ordinary method call. A step called from inside
 * another step runs as part of the outer step and is not recorded on its own.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Step {
  /** The durable name recorded for this step. Defaults to the method's name. */
  String name() default "";

  /**
   * How many times the step is attempted before its last exception is recorded and rethrown.
   * {@code 1} (the default) means no retries.
   */
  int maxAttempts() default 1;

  /** Seconds to wait before the first retry. */
  double intervalSeconds() default 1.0;

  /** Factor by which the wait grows after each failed attempt (exponential backoff). */
  double backoffRate() default 2.0;
}
