package io.dbosj.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.annotation.Scheduled;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Transaction;
import io.dbosj.annotation.Workflow;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import org.junit.jupiter.api.Test;

/**
 * Descriptors leave out every option at its annotation's default, so the runtime's defaults must
 * be exactly the annotations' defaults.
 */
class OmittedOptionsTest {
  private static final TypeToken<Void> VOID = TypeToken.of(void.class);

  private static Object annotationDefault(Class<?> annotation, String option) throws Exception {
    return annotation.getMethod(option).getDefaultValue();
  }

  @Test
  void aWorkflowWithoutOptionsHasWorkflowsDefaults() throws Exception {
    assertThat(DurableMethod.workflow("w", VOID).maxRecoveryAttempts())
        .isEqualTo(annotationDefault(Workflow.class, "maxRecoveryAttempts"));
  }

  @Test
  void aStepWithoutOptionsHasStepsDefaults() throws Exception {
    var retries = DurableMethod.step("s", VOID).retryPolicy();

    assertThat(retries.maxAttempts()).isEqualTo(annotationDefault(Step.class, "maxAttempts"));
    assertThat(retries.intervalSeconds())
        .isEqualTo(annotationDefault(Step.class, "intervalSeconds"));
    assertThat(retries.backoffRate()).isEqualTo(annotationDefault(Step.class, "backoffRate"));
    assertThat(retries.timeoutSeconds()).isEqualTo(annotationDefault(Step.class, "timeoutSeconds"));
    assertThat(retries.retryOn()).isEmpty();
    assertThat((Class<?>[]) annotationDefault(Step.class, "retryOn")).isEmpty();
    assertThat(retries.noRetryFor()).isEmpty();
    assertThat((Class<?>[]) annotationDefault(Step.class, "noRetryFor")).isEmpty();
  }

  @Test
  void aTransactionWithoutOptionsHasTransactionsDefaults() throws Exception {
    var options = DurableMethod.transaction("t", VOID).transactionOptions();

    assertThat(options.isolation()).isEqualTo(annotationDefault(Transaction.class, "isolation"));
    assertThat(options.readOnly()).isEqualTo(annotationDefault(Transaction.class, "readOnly"));
  }

  @Test
  void aScheduleWithOnlyACronHasScheduledsDefaults() throws Exception {
    var schedule = DurableMethod.workflow("w", VOID).scheduled("* * * * *").schedule();

    assertThat(schedule.zone()).isEqualTo(annotationDefault(Scheduled.class, "zone"));
    assertThat(schedule.maxCatchUp()).isEqualTo(annotationDefault(Scheduled.class, "maxCatchUp"));
  }
}
