package io.dbosj.internal.runtime;

import io.dbosj.CancelOptions;
import io.dbosj.StepInfo;
import io.dbosj.UnreadableRowException;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowMessage;
import io.dbosj.internal.admin.AdminOperations;
import io.dbosj.internal.admin.AdminWorkflow;
import io.dbosj.internal.admin.WorkflowEvents;
import io.dbosj.internal.db.ExecutorListing;
import io.dbosj.internal.db.ExecutorStore;
import io.dbosj.internal.db.QueueLimits;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.exec.QueueRegistry;
import io.dbosj.internal.exec.CommunicationListing;
import io.dbosj.internal.exec.WorkflowManagement;
import io.dbosj.internal.exec.WorkflowRetention;
import io.dbosj.internal.lifecycle.Service;
import io.dbosj.internal.recovery.WorkflowRecovery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin server's operations, done by management, recovery, the queue registry and the
 * workflow rows themselves (which hold more than the public status shows).
 */
final class RuntimeAdmin implements AdminOperations {
  private static final Logger log = LoggerFactory.getLogger(RuntimeAdmin.class);
  private static final Duration DEACTIVATE_WAIT = Duration.ofSeconds(10);

  /** What the admin server works through. */
  record Parts(
      WorkflowManagement management,
      CommunicationListing communicationListing,
      WorkflowStore workflows,
      WorkflowRecovery recovery,
      QueueRegistry queues,
      ExecutorStore executors,
      Service scheduler,
      WorkflowRetention retention,
      Service storedScheduleRunner,
      WorkflowSchedules schedules) {}

  private final Parts parts;
  private final String self;
  private final Duration lease;

  RuntimeAdmin(Parts parts, String self, Duration lease) {
    this.parts = parts;
    this.self = self;
    this.lease = lease;
  }

  @Override
  public List<Map<String, Object>> executors() {
    return ExecutorListing.asMaps(ExecutorListing.of(parts.executors(), lease));
  }

  @Override
  public List<QueueLimits> queues() {
    return parts.queues().all();
  }

  @Override
  public List<String> recoverExecutors(List<String> executorIds) {
    long now = System.currentTimeMillis();
    for (String id : executorIds) {
      if (!id.equals(self)) {
        parts.executors().markTakenOver(id, self, now); // so listings say where its work went
      }
    }
    return parts.recovery().recoverExecutors(executorIds);
  }

  @Override
  public List<AdminWorkflow> listWorkflows(WorkflowFilter filter) {
    List<AdminWorkflow> list = new ArrayList<>();
    for (WorkflowStore.Detailed row : parts.workflows().listDetailed(filter)) {
      try {
        list.add(admin(row));
      } catch (UnreadableRowException e) {
        log.warn("skipped a row that cannot be read: {}", e.row());
      }
    }
    return list;
  }

  @Override
  public Optional<AdminWorkflow> workflow(String workflowId) {
    return parts.workflows().listDetailed(WorkflowFilter.all().workflowIds(workflowId)).stream()
        .findFirst()
        .map(RuntimeAdmin::admin);
  }

  private static AdminWorkflow admin(WorkflowStore.Detailed detailed) {
    StatusRow row = detailed.row();
    return new AdminWorkflow(row.toStatus(), row.inputs(), row.timeoutMillis(), row.deadline(), detailed.details());
  }

  private boolean recorded(String workflowId) {
    return parts.workflows().find(workflowId).isPresent();
  }

  @Override
  public Optional<List<StepInfo>> steps(String workflowId) {
    return recorded(workflowId) ? Optional.of(parts.management().listSteps(workflowId)) : Optional.empty();
  }

  @Override
  public Optional<WorkflowEvents> events(String workflowId) {
    if (!recorded(workflowId)) {
      return Optional.empty();
    }
    return Optional.of(
        new WorkflowEvents(
            parts.communicationListing().events(workflowId), parts.communicationListing().eventHistory(workflowId)));
  }

  @Override
  public Optional<List<WorkflowMessage>> pendingMessages(String workflowId) {
    return recorded(workflowId) ? Optional.of(parts.communicationListing().pendingMessages(workflowId)) : Optional.empty();
  }

  @Override
  public Optional<Map<String, List<Object>>> streams(String workflowId) {
    return recorded(workflowId) ? Optional.of(parts.communicationListing().streams(workflowId)) : Optional.empty();
  }

  @Override
  public boolean cancel(String workflowId) {
    if (!recorded(workflowId)) {
      return false;
    }
    parts.management().cancel(workflowId);
    return true;
  }

  @Override
  public List<String> cancel(WorkflowFilter filter, CancelOptions options) {
    return parts.management().cancel(filter, options);
  }

  @Override
  public boolean resume(String workflowId) {
    if (!recorded(workflowId)) {
      return false;
    }
    parts.management().resume(workflowId);
    return true;
  }

  @Override
  public Optional<String> fork(String workflowId, int startStep, String newWorkflowId, String appVersion) {
    if (!recorded(workflowId)) {
      return Optional.empty();
    }
    return Optional.of(parts.management().fork(workflowId, startStep, newWorkflowId, appVersion).workflowId());
  }

  @Override
  public Optional<List<String>> delete(String workflowId, boolean withChildren) {
    List<String> deleted = parts.retention().delete(workflowId, withChildren);
    return deleted.isEmpty() ? Optional.empty() : Optional.of(deleted); // none: no workflow has that ID
  }

  @Override
  public long garbageCollect(Instant createdBefore, Long keepNewest) {
    return parts.retention().garbageCollect(createdBefore, keepNewest);
  }

  @Override
  public List<String> globalTimeout(Instant createdBefore) {
    return parts.retention().globalTimeout(createdBefore);
  }

  @Override
  public List<io.dbosj.WorkflowSchedule> schedules() {
    return parts.schedules().list();
  }

  @Override
  public Optional<io.dbosj.WorkflowSchedule> schedule(String name) {
    return parts.schedules().find(name);
  }

  @Override
  public boolean pauseSchedule(String name) {
    if (parts.schedules().find(name).isEmpty()) {
      return false;
    }
    parts.schedules().pause(name);
    return true;
  }

  @Override
  public boolean resumeSchedule(String name) {
    if (parts.schedules().find(name).isEmpty()) {
      return false;
    }
    parts.schedules().resume(name);
    return true;
  }

  @Override
  public Optional<String> triggerSchedule(String name) {
    return parts.schedules().find(name).map(s -> parts.schedules().trigger(name));
  }

  @Override
  public Optional<List<String>> backfillSchedule(String name, Instant start, Instant end) {
    return parts.schedules().find(name).map(s -> parts.schedules().backfill(name, start, end));
  }

  @Override
  public void deactivate() {
    log.info("deactivated by the admin server: executor {} starts no more scheduled workflows", self);
    try {
      if (!parts.scheduler().stop(DEACTIVATE_WAIT)) {
        log.warn("the scheduler did not stop within {} s", DEACTIVATE_WAIT.toSeconds());
      }
      if (!parts.storedScheduleRunner().stop(DEACTIVATE_WAIT)) {
        log.warn("the runner of stored schedules did not stop within {} s", DEACTIVATE_WAIT.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
