package io.dbosj.cli;

import io.dbosj.DBOSClient;
import io.dbosj.DbosException;
import io.dbosj.UnreadableRowException;
import io.dbosj.WorkflowFilter;

/**
 * Turns a read's failure, when the workflow is simply not there, into an error that says which
 * database was searched and how to name another; any other failure is left as it is.
 */
final class MissingWorkflow {
  private MissingWorkflow() {}

  static RuntimeException or(DbosException e, SystemDatabaseOption database, String workflowId) {
    if (e instanceof UnreadableRowException) {
      return e;
    }
    boolean[] present = {false};
    try (DBOSClient client = database.connect()) {
      present[0] = !client.listWorkflows(WorkflowFilter.all().workflowIds(workflowId), row -> present[0] = true).isEmpty();
    } catch (RuntimeException again) {
      e.addSuppressed(again);
      return e;
    }
    if (present[0]) {
      return e;
    }
    return new DbosException(
        "no workflow with ID '" + workflowId + "' is recorded in " + database.described()
            + "; give the database it runs in with -D/--db-url, DBOS_SYSTEM_DATABASE_URL or dbos-config.yaml");
  }
}
