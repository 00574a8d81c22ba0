package io.dbosj.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DbosException;
import io.dbosj.DeterminismException;
import io.dbosj.StepTimeoutException;
import io.dbosj.UnserializableValueException;
import io.dbosj.WorkflowFailedException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A workflow's error read back from the database is the type a caller in the process that ran it
 * would have caught: {@code getResult()} must not depend on whether the outcome was still in memory.
 */
class RecordedErrorTest {

  @Test
  void io_dbosjsOwnErrorsAreRebuiltAsThemselvesWithTheirMessage() {
    for (RuntimeException thrown : new RuntimeException[] {
        new DeterminismException("wf", 1, "flatTax", "regionalTax", "v1"),
        new StepTimeoutException("Orders.charge", "wf", Duration.ofSeconds(2)),
        new UnserializableValueException("cannot record Receipt", null),
        new DbosException("something io.dbosj said"),
        new io.dbosj.WorkflowCancelledException("child-1")}) {
      Throwable rebuilt = RecordedError.of(thrown).rebuild("wf", Map.of());

      assertThat(rebuilt).isExactlyInstanceOf(thrown.getClass()).hasMessage(thrown.getMessage());
      if (thrown instanceof io.dbosj.WorkflowCancelledException c) {
        assertThat(((io.dbosj.WorkflowCancelledException) rebuilt).workflowId()).isEqualTo(c.workflowId());
      }
      assertThat(rebuilt.getStackTrace()[0].toString()).as("the recorded stack")
          .endsWith(thrown.getStackTrace()[0].getMethodName() + "(RecordedErrorTest.java:" + thrown.getStackTrace()[0].getLineNumber() + ")");
    }
  }

  @Test
  void anUnknownClassIsAWorkflowFailedExceptionNamingIt() {
    Throwable rebuilt = new RecordedError("com.example.Gone", "it went", java.util.List.of()).rebuild("wf", Map.of());

    assertThat(rebuilt).isInstanceOf(WorkflowFailedException.class).hasMessageContaining("com.example.Gone")
        .hasMessageContaining("it went");
  }
}
