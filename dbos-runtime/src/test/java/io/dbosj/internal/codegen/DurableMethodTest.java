package io.dbosj.internal.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.annotation.Isolation;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated descriptors set only the options that differ from the annotation's defaults. */
class DurableMethodTest {
  private static final TypeToken<Void> VOID = TypeToken.of(void.class);

  @Test
  void withNoOptionsEachKindHasItsAnnotationsDefaults() {
    assertThat(DurableMethod.workflow("w", VOID).maxRecoveryAttempts()).isEqualTo(100);
    assertThat(DurableMethod.workflow("w", VOID).schedule()).isNull();
    assertThat(DurableMethod.step("s", VOID).retryPolicy())
        .isEqualTo(new RetryPolicy(1, 1.0, 2.0, List.of(), List.of(), 0));
    assertThat(DurableMethod.transaction("t", VOID).transactionOptions())
        .isEqualTo(new DurableMethod.TransactionOptions(Isolation.DEFAULT, false));
  }

  @Test
  void eachStepOptionChangesOnlyItself() {
    DurableMethod<Void> step = DurableMethod.step("s", VOID).maxAttempts(5).backoffRate(3.0);

    assertThat(step.retryPolicy()).isEqualTo(new RetryPolicy(5, 1.0, 3.0, List.of(), List.of(), 0));
    assertThat(step.intervalSeconds(0.5).retryPolicy()).isEqualTo(new RetryPolicy(5, 0.5, 3.0, List.of(), List.of(), 0));
  }

  @Test
  void aStepRetriesExceptionsOfARetryOnClassAndOfNoNoRetryForClass() {
    RetryPolicy policy =
        DurableMethod.step("s", VOID)
            .maxAttempts(3)
            .retryOn(IOException.class, IllegalStateException.class)
            .noRetryFor(FileNotFoundException.class)
            .retryPolicy();

    assertThat(policy.retries(new IOException("io"))).isTrue();
    assertThat(policy.retries(new IllegalStateException("state"))).isTrue();
    assertThat(policy.retries(new FileNotFoundException("gone"))).isFalse();
    assertThat(policy.retries(new UncheckedIOException(new IOException("io")))).isFalse();
  }

  @Test
  void withoutRetryOnEveryExceptionIsRetriedButNoError() {
    RetryPolicy policy = DurableMethod.step("s", VOID).maxAttempts(3).retryPolicy();

    assertThat(policy.retries(new IOException("io"))).isTrue();
    assertThat(policy.retries(new IllegalArgumentException("bad"))).isTrue();
    assertThat(policy.retries(new AssertionError("broken"))).isFalse();
    assertThat(DurableMethod.step("s", VOID).retryOn(Throwable.class).retryPolicy().retries(new AssertionError()))
        .isFalse();
  }

  @Test
  void aStepTimeoutIsPerAttemptAndZeroMeansNone() {
    assertThat(DurableMethod.step("s", VOID).retryPolicy().timeout()).isNull();
    assertThat(DurableMethod.step("s", VOID).timeoutSeconds(0.25).retryPolicy().timeout())
        .isEqualTo(Duration.ofMillis(250));
    assertThatThrownBy(() -> DurableMethod.step("s", VOID).timeoutSeconds(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeoutSeconds");
  }

  @Test
  void transactionOptionsAreSetByName() {
    DurableMethod<Void> transaction =
        DurableMethod.transaction("t", VOID).isolation(Isolation.SERIALIZABLE).readOnly();

    assertThat(transaction.transactionOptions())
        .isEqualTo(new DurableMethod.TransactionOptions(Isolation.SERIALIZABLE, true));
  }

  @Test
  void aScheduleRunsInUtcWithoutCatchingUpUnlessTold() {
    DurableMethod<Void> workflow = DurableMethod.workflow("w", VOID).scheduled("0 9 * * *");

    assertThat(workflow.schedule()).isEqualTo(new DurableMethod.Schedule("0 9 * * *", "UTC", 0));
    assertThat(workflow.zone("Europe/Paris").maxCatchUp(3).schedule())
        .isEqualTo(new DurableMethod.Schedule("0 9 * * *", "Europe/Paris", 3));
  }

  @Test
  void aZoneWithoutAScheduleIsABug() {
    assertThatThrownBy(() -> DurableMethod.workflow("w", VOID).zone("UTC"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void optionsReturnANewInstance() {
    DurableMethod<Void> step = DurableMethod.step("s", VOID);
    step.maxAttempts(3);

    assertThat(step.retryPolicy().maxAttempts()).isEqualTo(1);
  }
}
