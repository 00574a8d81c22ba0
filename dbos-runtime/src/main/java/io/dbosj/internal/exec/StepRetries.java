package io.dbosj.internal.exec;

import io.dbosj.internal.codegen.DurableBody;
import io.dbosj.internal.codegen.RetryPolicy;
import io.dbosj.internal.serde.Outcome;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a step's body up to its policy's number of attempts, waiting with exponential backoff in
 * between. An {@link Error} is not retried; an interrupt while waiting ends the retries.
 */
final class StepRetries {
  private static final Logger log = LoggerFactory.getLogger(StepRetries.class);

  private StepRetries() {}

  static <R> Outcome<R> run(String label, RetryPolicy policy, DurableBody<R> body) {
    for (int attempt = 1; ; attempt++) {
      try {
        return Outcome.success(body.run());
      } catch (Error e) {
        return Outcome.failure(e);
      } catch (Throwable e) {
        if (attempt >= policy.maxAttempts()) {
          return Outcome.failure(e);
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
          return Outcome.failure(e);
        }
      }
    }
  }
}
