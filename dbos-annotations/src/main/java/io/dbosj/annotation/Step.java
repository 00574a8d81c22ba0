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
 * @Step(maxAttempts = 5, intervalSeconds = 0.5, backoffRate = 2,
 *     retryOn = IOException.class, noRetryFor = FileNotFoundException.class,
 *     timeoutSeconds = 10)
 * public Quote fetchQuote(String sku) throws IOException { return pricing.quote(sku); }
 * }</pre>
 *
 * <p>A failed attempt is retried while attempts remain, if what it threw is an instance of a
 * {@link #retryOn} class (any exception, when none is listed) and of no {@link #noRetryFor} class;
 * otherwise it is recorded at once. An {@link Error} is never retried.
 *
 * <p>Called outside a workflow, a step is an ordinary method call: no retries, no timeout. A step
 * called from inside another step runs as part of the outer step and is not recorded on its own.
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

  /**
   * The exceptions a failed attempt is retried for: instances of any of these classes (and their
   * subclasses). Empty, the default, retries every exception. Needs {@code maxAttempts > 1}; a
   * checked exception listed must be one the method can throw.
   */
  Class<? extends Throwable>[] retryOn() default {};

  /**
   * Exceptions recorded at once, never retried, though {@link #retryOn} covers them: each must be
   * a subclass of a {@code retryOn} class (of any exception, when {@code retryOn} is empty).
   */
  Class<? extends Throwable>[] noRetryFor() default {};

  /**
   * How long one attempt may run, in seconds; {@code 0}, the default, sets no limit. Past it, the
   * thread running the step is interrupted (which ends {@code Thread.sleep}, {@code wait}, lock and
   * latch waits, and interruptible I/O such as {@code HttpClient} calls, on virtual and platform
   * threads alike), and the attempt fails with {@code io.dbosj.StepTimeoutException}: retried like
   * any other exception while attempts remain (and {@code retryOn} / {@code noRetryFor} allow),
   * otherwise recorded. A step that ignores the interrupt keeps its workflow waiting until it
   * returns; what it returns then is discarded and the timeout stands.
   */
  double timeoutSeconds() default 0;
}
