package io.dbosj.internal.lifecycle;

import io.dbosj.DbosException;

/**
 * Thrown into workflows still running when their {@code DBOS} closes. It unwinds the workflow
 * without recording anything, so the workflow stays {@code PENDING} and is recovered by the next
 * launch.
 */
public final class DbosShutdownException extends DbosException {
  private static final long serialVersionUID = 1L;

  public DbosShutdownException() {
    super(
        "DBOS was closed while this workflow was running; it stays PENDING and the next launch"
            + " recovers it");
  }
}
