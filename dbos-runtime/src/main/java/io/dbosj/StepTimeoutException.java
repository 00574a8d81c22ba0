package io.dbosj;

import java.time.Duration;

/**
 * An attempt of a step ran longer than its {@code @Step(timeoutSeconds)}: the thread running it
 * was interrupted, and whatever the attempt returned or threw after that is discarded. Retried
 * like any other exception while attempts remain (and {@code retryOn} / {@code noRetryFor}
 * allow it); otherwise recorded as the step's error, and rethrown as this type on replay. Its
 * cause, when there is one, is what the interrupted attempt threw (not recorded).
 *
 * <pre>{@code
 * @Step(maxAttempts = 3, timeoutSeconds = 2)
 * public Quote fetchQuote(String sku) { return pricing.quote(sku); }
 *
 * @Workflow
 * public Quote quote(String sku) {
 *   try {
 *     return fetchQuote(sku);
 *   } catch (StepTimeoutException e) { // three attempts of 2 s each timed out
 *     return Quote.unavailable(sku);
 *   }
 * }
 * }</pre>
 */
public class StepTimeoutException extends DbosException {
  private static final long serialVersionUID = 1L;

  /** The attempt of step {@code step} (e.g. {@code Orders.charge}) in {@code workflowId} timed out. */
  public StepTimeoutException(String step, String workflowId, Duration timeout) {
    this("step " + step + " of workflow " + workflowId + " timed out after " + seconds(timeout)
        + " s (@Step(timeoutSeconds)); it was interrupted and its result discarded");
  }

  /** As rebuilt from a recorded error's message on replay. */
  public StepTimeoutException(String message) {
    super(message);
  }

  private static String seconds(Duration timeout) {
    return java.math.BigDecimal.valueOf(timeout.toNanos(), 9).stripTrailingZeros().toPlainString();
  }
}
