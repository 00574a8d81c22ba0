package io.dbosj.internal.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.annotation.Isolation;
import org.junit.jupiter.api.Test;

/** Generated descriptors set only the options that differ from the annotation's defaults. */
class DurableMethodTest {
  private static final TypeToken<Void> VOID = TypeToken.of(void.class);

  @Test
  void withNoOptionsEachKindHasItsAnnotationsDefaults() {
    assertThat(DurableMethod.workflow("w", VOID).maxRecoveryAttempts()).isEqualTo(100);
    assertThat(DurableMethod.workflow("w", VOID).schedule()).isNull();
    assertThat(DurableMethod.step("s", VOID).retryPolicy())
        .isEqualTo(new RetryPolicy(1, 1.0, 2.0));
    assertThat(DurableMethod.transaction("t", VOID).transactionOptions())
        .isEqualTo(new DurableMethod.TransactionOptions(Isolation.DEFAULT, false));
  }

  @Test
  void eachStepOptionChangesOnlyItself() {
    DurableMethod<Void> step = DurableMethod.step("s", VOID).maxAttempts(5).backoffRate(3.0);

    assertThat(step.retryPolicy()).isEqualTo(new RetryPolicy(5, 1.0, 3.0));
    assertThat(step.intervalSeconds(0.5).retryPolicy()).isEqualTo(new RetryPolicy(5, 0.5, 3.0));
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
