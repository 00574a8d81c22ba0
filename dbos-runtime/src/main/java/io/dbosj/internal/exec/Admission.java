package io.dbosj.internal.exec;

import io.dbosj.ConflictingWorkflowException;
import io.dbosj.DbosException;
import io.dbosj.DeduplicationPolicy;
import io.dbosj.QueueDeduplicatedException;
import io.dbosj.WorkflowState;
import io.dbosj.internal.db.NewWorkflow;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.StepRecord;
import io.dbosj.internal.db.StepStore;
import io.dbosj.internal.db.WorkflowStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Records new workflows: as {@code PENDING} to run here, or {@code ENQUEUED} for a queue runner.
 * An ID that is recorded already is an idempotency key: the recorded workflow is found, and
 * checked to be the same workflow, instead of a second one starting. A fresh insert proves that
 * nothing is recorded, so the happy path reads nothing.
 */
public final class Admission {
  /**
   * The outcome of admitting a workflow to run here: already finished ({@code finished}), waiting
   * on its queue or running under another executor ({@code elsewhere}), or to be executed here
   * with what earlier executions recorded.
   */
  record Admitted(StatusRow finished, boolean elsewhere, Map<Integer, StepRecord> recorded, Long deadline) {}

  private final WorkflowStore workflows;
  private final StepStore steps;
  private final String executorId;
  private final String appVersion;
  private final QueueSignal wakeQueues;

  public Admission(
      WorkflowStore workflows, StepStore steps, String executorId, String appVersion, QueueSignal wakeQueues) {
    this.workflows = workflows;
    this.steps = steps;
    this.executorId = executorId;
    this.appVersion = appVersion;
    this.wakeQueues = wakeQueues;
  }

  /**
   * Records the workflow as started here, or finds what is recorded under its ID. A child
   * ({@code parentId} set) ends by its parent's deadline ({@code parentDeadline}, if any) at the
   * latest.
   */
  Admitted admit(
      DurableCall<?> call, String workflowId, String parentId, Long parentDeadline, String inputs, Duration timeout) {
    NewWorkflow workflow =
        newWorkflow(call, workflowId, WorkflowState.PENDING, inputs, parentId, parentDeadline, null, null, 0, timeout);
    if (workflows.insertPending(workflow)) {
      return new Admitted(null, false, Map.of(), workflow.deadline());
    }
    StatusRow row =
        workflows.find(workflowId)
            .orElseThrow(() -> new DbosException("workflow " + workflowId + " vanished while starting"));
    checkSameWorkflow(row, call.instance().className(), call.method().name());
    if (row.state().isTerminal()) {
      return new Admitted(row, false, null, null);
    }
    if (row.state() == WorkflowState.ENQUEUED || !executorId.equals(row.executorId())) {
      // Waiting on its queue, or another executor's: that one runs (or recovers) it, not this one.
      return new Admitted(null, true, null, null);
    }
    return new Admitted(null, false, recordedSteps(workflowId), row.deadline());
  }

  /**
   * Records a new workflow as started here and returns its deadline holder; {@code null} if its
   * ID is recorded already, whoever recorded it: then it is not this call's to run (a scheduled
   * tick another process created, or one recovery will restart).
   */
  Admitted admitNew(DurableCall<?> call, String workflowId, String inputs) {
    NewWorkflow workflow =
        newWorkflow(call, workflowId, WorkflowState.PENDING, inputs, null, null, null, null, 0, null);
    return workflows.insertPending(workflow) ? new Admitted(null, false, Map.of(), workflow.deadline()) : null;
  }

  /**
   * Records a workflow as {@code ENQUEUED} (or {@code DELAYED}) as {@code placement} says; a queue
   * runner will start it. Returns the ID of the workflow the caller gets: {@code workflowId}, or
   * under {@link DeduplicationPolicy#RETURN_EXISTING} the one that holds the deduplication ID.
   */
  String enqueue(
      DurableCall<?> call,
      String workflowId,
      String parentId,
      Long parentDeadline,
      String inputs,
      QueuePlacement placement,
      Duration timeout) {
    NewWorkflow workflow =
        newWorkflow(call, workflowId, WorkflowState.ENQUEUED, inputs, parentId, parentDeadline,
            placement.queueName(), placement.deduplicationIdOf(call.instance().className(), call.method().name()),
            placement.priority(), timeout)
            .placed(placement.partitionKey(), placement.delayUntil());
    String enqueued = enqueue(workflow, call.instance().className(), call.method().name(), placement);
    if (parentId != null && !enqueued.equals(workflowId)) {
      steps.repointChild(parentId, workflowId, enqueued); // a re-execution gets the same holder back
    }
    return enqueued;
  }

  /**
   * Enqueues a workflow by name, for a process that has its class: how a client starts work it
   * cannot run itself. {@code inputs} are its arguments as plain JSON values. Returns the ID of
   * the workflow the caller gets, as {@link #enqueue(DurableCall, String, String, Long, String,
   * QueuePlacement, Duration)} does.
   */
  public String enqueueByName(
      String workflowId,
      String className,
      String workflowName,
      String instanceName,
      String inputs,
      QueuePlacement placement,
      Duration timeout) {
    return enqueue(
        new NewWorkflow(
            workflowId, WorkflowState.ENQUEUED, workflowName, className, instanceName, inputs, executorId,
            appVersion, null, placement.queueName(), placement.deduplicationIdOf(className, workflowName),
            placement.priority(), null,
            timeout == null ? null : timeout.toMillis(), null, System.currentTimeMillis(), null)
            .placed(placement.partitionKey(), placement.delayUntil()),
        className,
        workflowName,
        placement);
  }

  private String enqueue(NewWorkflow workflow, String className, String workflowName, QueuePlacement placement) {
    if (placement.debounced()) {
      return debounce(workflow, className, workflowName, placement.debounceDeadline());
    }
    DeduplicationPolicy policy = placement.deduplicationPolicy();
    while (true) {
      // a delayed row's insert still notifies: other processes learn when it is due by looking
      boolean inserted = wakeQueues.announcesEnqueues() && workflow.delayUntil() == null
          ? workflows.insertPendingUnannounced(workflow)
          : workflows.insertPending(workflow);
      if (inserted) {
        if (workflow.delayUntil() != null) {
          wakeQueues.wakeAt(workflow.delayUntil());
        } else {
          wakeQueues.enqueued(workflow.queueName());
        }
        return workflow.workflowId();
      }
      Optional<StatusRow> row = workflows.find(workflow.workflowId());
      if (row.isPresent()) {
        checkSameWorkflow(row.get(), className, workflowName);
        return workflow.workflowId();
      }
      if (policy != DeduplicationPolicy.RETURN_EXISTING) {
        throw new QueueDeduplicatedException(workflow.queueName(), workflow.deduplicationId(), workflow.workflowId());
      }
      Optional<StatusRow> holder = workflows.findDeduplicated(workflow.queueName(), workflow.deduplicationId());
      if (holder.isPresent()) {
        checkSameWorkflow(holder.get(), className, workflowName);
        return holder.get().workflowId();
      }
      // the holder finished between the insert and the lookup, freeing the ID: try again
    }
  }

  /**
   * Records a debounced workflow {@code DELAYED} under its key, or, if one already waits under
   * the key, gives it this enqueue's inputs and delay (bounded by its deadline) and returns its ID.
   */
  private String debounce(NewWorkflow workflow, String className, String workflowName, Long deadline) {
    if (!workflows.debounces()) {
      throw new DbosException(
          "this system database has DBOS Java 1.1's layout, which has no columns to record a debounce in"
              + " (is_debounced, debounce_deadline_epoch_ms); enqueue without .debounce(...), or use a database"
              + " io.dbosj or DBOS TS 5.3 created");
    }
    while (true) {
      if (workflows.insertDebounced(workflow, deadline)) {
        wakeQueues.wakeAt(workflow.delayUntil());
        return workflow.workflowId();
      }
      Optional<StatusRow> row = workflows.find(workflow.workflowId());
      if (row.isPresent()) {
        checkSameWorkflow(row.get(), className, workflowName);
        return workflow.workflowId();
      }
      Optional<StatusRow> holder = workflows.findDeduplicated(workflow.queueName(), workflow.deduplicationId());
      if (holder.isPresent()) {
        checkSameWorkflow(holder.get(), className, workflowName);
        if (workflows.bounce(
            holder.get().workflowId(), workflow.inputs(), workflow.serialization(), workflow.delayUntil(),
            System.currentTimeMillis())) {
          wakeQueues.wakeAt(workflow.delayUntil());
          return holder.get().workflowId();
        }
        String holderId = holder.get().workflowId();
        if (workflows.findDeduplicated(workflow.queueName(), workflow.deduplicationId())
            .filter(still -> still.workflowId().equals(holderId))
            .isPresent()) {
          // it still holds the key yet takes no bounce: an enqueue that is no debounce holds it as its deduplication ID
          throw new QueueDeduplicatedException(workflow.queueName(), workflow.deduplicationId(), workflow.workflowId());
        }
      }
      // the holder joined its queue between the insert and the bounce, freeing the key: try again
    }
  }

  /** Every step earlier executions recorded for {@code workflowId}, by function ID. */
  Map<Integer, StepRecord> recordedSteps(String workflowId) {
    Map<Integer, StepRecord> recorded = new HashMap<>();
    for (StepRecord step : steps.all(workflowId)) {
      recorded.put(step.functionId(), step);
    }
    return recorded;
  }

  private NewWorkflow newWorkflow(
      DurableCall<?> call,
      String workflowId,
      WorkflowState status,
      String inputs,
      String parentId,
      Long parentDeadline,
      String queueName,
      String deduplicationId,
      int priority,
      Duration timeout) {
    return new NewWorkflow(
        workflowId,
        status,
        call.method().name(),
        call.instance().className(),
        call.instance().instanceName(),
        inputs,
        executorId,
        appVersion,
        parentId,
        queueName,
        deduplicationId,
        priority,
        null,
        timeout == null ? null : timeout.toMillis(),
        parentDeadline,
        System.currentTimeMillis(),
        call.instance().fingerprint(call.method().name()));
  }

  private static void checkSameWorkflow(StatusRow row, String className, String workflowName) {
    if (!workflowName.equals(row.name()) || !className.equals(row.className())) {
      throw new ConflictingWorkflowException(
          row.workflowId(),
          "workflow " + row.className() + "." + row.name(),
          "workflow " + className + "." + workflowName);
    }
  }
}
