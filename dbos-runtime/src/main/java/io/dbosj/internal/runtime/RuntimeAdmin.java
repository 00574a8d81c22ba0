package io.dbosj.internal.runtime;

import io.dbosj.StepInfo;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowStatus;
import io.dbosj.internal.admin.AdminOperations;
import io.dbosj.internal.db.ExecutorStore;
import io.dbosj.internal.exec.QueueRegistry;
import io.dbosj.internal.exec.WorkflowManagement;
import io.dbosj.internal.recovery.WorkflowRecovery;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The admin server's operations, done by management, recovery and the queue registry. */
final class RuntimeAdmin implements AdminOperations {
  private final WorkflowManagement management;
  private final WorkflowRecovery recovery;
  private final QueueRegistry queues;

  private final ExecutorStore executors;
  private final Duration lease;
  private final String self;

  RuntimeAdmin(
      WorkflowManagement management,
      WorkflowRecovery recovery,
      QueueRegistry queues,
      ExecutorStore executors,
      String self,
      Duration lease) {
    this.self = self;
    this.management = management;
    this.recovery = recovery;
    this.queues = queues;
    this.executors = executors;
    this.lease = lease;
  }

  @Override
  public List<Map<String, Object>> executors() {
    return io.dbosj.internal.db.ExecutorListing.asMaps(io.dbosj.internal.db.ExecutorListing.of(executors, lease));
  }

  @Override
  public List<Map<String, Object>> queueMetadata() {
    return queues.metadata();
  }

  @Override
  public List<String> recoverExecutors(List<String> executorIds) {
    long now = System.currentTimeMillis();
    for (String id : executorIds) {
      if (!id.equals(self)) {
        executors.markTakenOver(id, self, now); // so listings say where its work went
      }
    }
    return recovery.recoverExecutors(executorIds);
  }

  @Override
  public List<WorkflowStatus> listWorkflows(WorkflowFilter filter) {
    return management.list(filter);
  }

  @Override
  public WorkflowStatus workflow(String workflowId) {
    return management.status(workflowId);
  }

  @Override
  public List<StepInfo> steps(String workflowId) {
    return management.listSteps(workflowId);
  }

  @Override
  public boolean cancel(String workflowId) {
    return management.cancel(workflowId);
  }

  @Override
  public String resume(String workflowId) {
    return management.resume(workflowId).workflowId();
  }

  @Override
  public String fork(String workflowId, int startStep, String newWorkflowId) {
    return management.fork(workflowId, startStep, newWorkflowId).workflowId();
  }
}
