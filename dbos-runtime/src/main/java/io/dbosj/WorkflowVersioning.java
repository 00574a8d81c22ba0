package io.dbosj;

/**
 * Which recorded workflows a process recovers and dequeues, so that it only runs those its code
 * can run faithfully. Either way, a workflow recorded with no application version (enqueued by a
 * client that named none) or with this process's own is run here; they differ on the others.
 * A workflow no process can run stays {@code PENDING} or {@code ENQUEUED}, and is listed with the
 * reason by {@code dbos workflow list}; {@code dbos workflow fork <id> --application-version <v>}
 * moves it onto a version that runs it.
 */
public enum WorkflowVersioning {
  /**
   * The default: a workflow recorded by another application version is run here too when its own
   * method is unchanged here, that is when the fingerprint recorded with it (its class, name,
   * parameter and return types) is one of this build's. A deploy strands only the executions of
   * the workflows whose signature it changed; a change inside a workflow's body is made safe with
   * {@link DBOS#patch}, and one that is not meets the determinism check at the first differing step.
   */
  BY_WORKFLOW,

  /**
   * DBOS's rule: a workflow is run here only if it was recorded with this process's application
   * version (or none). Every deploy with a new version leaves the executions of the old one to
   * processes still running it.
   */
  BY_APPLICATION_VERSION
}
