package io.dbosj.internal.exec;

import io.dbosj.StepTimeoutException;
import io.dbosj.internal.codegen.DurableBody;
import io.dbosj.internal.codegen.RetryPolicy;
import io.dbosj.internal.serde.Outcome;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a step's body up to its policy's number of attempts, waiting with exponential backoff in
 * between, while what an attempt threw is one the policy retries (never an {@link Error}). An
 * attempt past the policy's timeout is interrupted and fails with a {@link StepTimeoutException},
 * whatever it returned or threw once interrupted. An interrupt while waiting ends the retries.
 */
final class StepRetries {
  private static final Logger log = LoggerFactory.getLogger(StepRetries.class);

  private StepRetries() {}

  static <R> Outcome<R> run(
      String label, String workflowId, RetryPolicy policy, StepTimeouts timeouts, DurableBody<R> body) {
    for (int attempt = 1; ; attempt++) {
      Outcome<R> outcome = attempt(label, workflowId, policy, timeouts, body);
      Throwable e = outcome.error();
      if (e == null || attempt >= policy.maxAttempts() || !policy.retries(e)) {
        return outcome;
      }
      Duration delay = policy.delayBefore(attempt);
      log.warn(
          "step {} failed (attempt {} of {}), retrying in {} ms: {}",
          label,
          attempt,
          policy.maxAttempts(),
          delay.toMillis(),
          e.toString());
      try {
        Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        e.addSuppressed(interrupted);
        return outcome;
      }
    }
  }

  private static <R> Outcome<R> attempt(
      String label, String workflowId, RetryPolicy policy, StepTimeouts timeouts, DurableBody<R> body) {
    Duration timeout = policy.timeout();
    StepTimeouts.Attempt timed = timeout == null ? null : timeouts.arm(timeout);
    Outcome<R> outcome;
    try {
      outcome = Outcome.success(body.run());
    } catch (Throwable e) {
      outcome = Outcome.failure(e);
    }
    if (timed != null && timed.end()) {
      StepTimeoutException timedOut = new StepTimeoutException(label, workflowId, timeout);
      if (outcome.error() != null) {
        timedOut.initCause(outcome.error());
      }
      return Outcome.failure(timedOut);
    }
    return outcome;
  }
}
