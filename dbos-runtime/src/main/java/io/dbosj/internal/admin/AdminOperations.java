package io.dbosj.internal.admin;

import io.dbosj.StepInfo;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowStatus;
import java.util.List;
import java.util.Map;

/** What the admin server's endpoints do, provided by the runtime that serves them. */
public interface AdminOperations {
  /** Each registered queue's name and limits. */
  List<Map<String, Object>> queueMetadata();

  /**
   * Every executor recorded in the system database: ID, host, pid, version, started, last
   * heartbeat, state ({@code alive}, {@code lapsed}, {@code stopped}, {@code taken over by X}).
   */
  List<Map<String, Object>> executors();

  /** Takes over and recovers the {@code PENDING} workflows of these executors; their IDs. */
  List<String> recoverExecutors(List<String> executorIds);

  List<WorkflowStatus> listWorkflows(WorkflowFilter filter);

  WorkflowStatus workflow(String workflowId);

  List<StepInfo> steps(String workflowId);

  boolean cancel(String workflowId);

  /** Resumes the workflow; returns its ID. */
  String resume(String workflowId);

  /** Forks the workflow from {@code startStep}, as {@code newWorkflowId} if given; returns the fork's ID. */
  String fork(String workflowId, int startStep, String newWorkflowId);
}
