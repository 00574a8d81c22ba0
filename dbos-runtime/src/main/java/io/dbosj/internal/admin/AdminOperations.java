package io.dbosj.internal.admin;

import io.dbosj.CancelOptions;
import io.dbosj.StepInfo;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowMessage;
import io.dbosj.internal.db.QueueLimits;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the admin server's endpoints do, provided by the runtime that serves them. */
public interface AdminOperations {
  /** Every registered queue, the internal one first. */
  List<QueueLimits> queues();

  /**
   * Every executor recorded in the system database: ID, host, pid, version, started, last
   * heartbeat, state ({@code alive}, {@code lapsed}, {@code stopped}, {@code taken over by X}).
   */
  List<Map<String, Object>> executors();

  /** Takes over and recovers the {@code PENDING} workflows of these executors; their IDs. */
  List<String> recoverExecutors(List<String> executorIds);

  /** The workflows {@code filter} selects; a row that cannot be read is logged and skipped. */
  List<AdminWorkflow> listWorkflows(WorkflowFilter filter);

  /** The workflow, or empty if no workflow has that ID. */
  Optional<AdminWorkflow> workflow(String workflowId);

  /** Its recorded operations in order, or empty if no workflow has that ID. */
  Optional<List<StepInfo>> steps(String workflowId);

  /** Its events and their history, or empty if no workflow has that ID. */
  Optional<WorkflowEvents> events(String workflowId);

  /** The messages sent to it that no {@code recv} has consumed, or empty if no workflow has that ID. */
  Optional<List<WorkflowMessage>> pendingMessages(String workflowId);

  /** The values of each of its streams, by key, or empty if no workflow has that ID. */
  Optional<Map<String, List<Object>>> streams(String workflowId);

  /** Cancels the workflow if it has not finished; {@code false} if no workflow has that ID. */
  boolean cancel(String workflowId);

  /**
   * Cancels the unfinished workflows {@code filter} selects (and their descendants if {@code
   * options} say so); their IDs.
   *
   * @throws IllegalArgumentException if {@code filter} selects by nothing
   */
  List<String> cancel(WorkflowFilter filter, CancelOptions options);

  /** Resumes the workflow; {@code false} if no workflow has that ID. */
  boolean resume(String workflowId);

  /**
   * Forks the workflow from {@code startStep}, as {@code newWorkflowId} and for {@code appVersion}
   * when given (else a new ID, this process's version); the fork's ID, or empty if no workflow has
   * that ID.
   */
  Optional<String> fork(String workflowId, int startStep, String newWorkflowId, String appVersion);

  /**
   * Deletes the finished workflow, with its descendants if {@code withChildren}; the IDs deleted,
   * or empty if no workflow has that ID.
   *
   * @throws io.dbosj.DbosException if it or a descendant has not finished (nothing is deleted)
   */
  Optional<List<String>> delete(String workflowId, boolean withChildren);

  /**
   * Deletes the finished workflows created before {@code createdBefore} and beyond the {@code
   * keepNewest} newest (either may be null, not both); how many.
   */
  long garbageCollect(Instant createdBefore, Long keepNewest);

  /** Cancels the unfinished workflows created at or before {@code createdBefore}; their IDs. */
  List<String> globalTimeout(Instant createdBefore);

  /** The schedules kept in {@code dbos.workflow_schedules} this application runs, by name. */
  List<io.dbosj.WorkflowSchedule> schedules();

  /** The schedule, or empty if there is none of that name. */
  Optional<io.dbosj.WorkflowSchedule> schedule(String name);

  /** Pauses the schedule; {@code false} if there is none of that name. */
  boolean pauseSchedule(String name);

  /** Resumes the schedule; {@code false} if there is none of that name. */
  boolean resumeSchedule(String name);

  /** Enqueues the schedule's workflow now; its workflow ID, or empty if there is no schedule of that name. */
  Optional<String> triggerSchedule(String name);

  /**
   * Enqueues each tick of the schedule in [{@code start}, {@code end}) not yet run; the ticks'
   * workflow IDs, or empty if there is no schedule of that name.
   */
  Optional<List<String>> backfillSchedule(String name, Instant start, Instant end);

  /** Stops starting scheduled workflows; the workflows already recorded still run. */
  void deactivate();
}
