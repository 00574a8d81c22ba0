package io.dbosj;

/**
 * A re-executed workflow called a different durable operation than the one recorded at the same
 * position: its code, or the data it branches on, changed between runs. Workflows must call the
 * same steps in the same order every time they run with the same inputs.
 */
public class DeterminismException extends DbosException {
  private static final long serialVersionUID = 1L;

  public DeterminismException(String workflowId, int functionId, String recorded, String called) {
    super(
        "workflow "
            + workflowId
            + " is not deterministic: operation #"
            + functionId
            + " was recorded as '"
            + recorded
            + "' but this run called '"
            + called
            + "'. A workflow must call the same steps in the same order on every run;"
            + " move anything that varies (time, randomness, I/O) into a @Step.");
  }
}
