package io.dbosj;

/**
 * A re-executed workflow called a different durable operation than the one recorded at the same
 * position: its code, or the data it branches on, changed between runs. Workflows must call the
 * same steps in the same order every time they run with the same inputs; a change made on
 * purpose goes behind {@link DBOS#patch}, so executions recorded before it replay the old path.
 */
public class DeterminismException extends DbosException {
  private static final long serialVersionUID = 1L;

  private final String workflowId;
  private final int functionId;
  private final String recorded;
  private final String called;
  private final String recordedVersion;

  public DeterminismException(String workflowId, int functionId, String recorded, String called) {
    this(workflowId, functionId, recorded, called, null);
  }

  /** {@code recordedVersion}: the application version of the workflow's record, or {@code null}. */
  public DeterminismException(
      String workflowId, int functionId, String recorded, String called, String recordedVersion) {
    super(
        "workflow " + workflowId + " is not deterministic: operation #" + functionId + " was recorded as '"
            + recorded + "'" + (recordedVersion == null ? "" : " (the workflow is recorded with application version "
            + recordedVersion + ")") + " but this run called '" + called + "'. A workflow must call the same"
            + " steps in the same order on every run; move anything that varies (time, randomness, I/O) into a"
            + " @Step. If the code changed on purpose, branch around the change with DBOS.patch(\"a-name\"):"
            + " executions recorded before it replay the old path.");
    this.workflowId = workflowId;
    this.functionId = functionId;
    this.recorded = recorded;
    this.called = called;
    this.recordedVersion = recordedVersion;
  }

  /** As rebuilt from a recorded error's message, when the outcome is read back from the database. */
  public DeterminismException(String message) {
    super(message);
    this.workflowId = null;
    this.functionId = -1;
    this.recorded = null;
    this.called = null;
    this.recordedVersion = null;
  }

  /** The same error, naming the application version the workflow is recorded with. */
  public DeterminismException withRecordedVersion(String version) {
    DeterminismException named = new DeterminismException(workflowId, functionId, recorded, called, version);
    named.setStackTrace(getStackTrace());
    return named;
  }

  /** The application version of the workflow's record, if known. */
  public String recordedVersion() {
    return recordedVersion;
  }
}
