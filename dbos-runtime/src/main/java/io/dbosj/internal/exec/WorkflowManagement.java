package io.dbosj.internal.exec;

import io.dbosj.CancelOptions;
import io.dbosj.ConflictingWorkflowException;
import io.dbosj.DbosException;
import io.dbosj.StepInfo;
import io.dbosj.UnreadableRow;
import io.dbosj.UnreadableRowException;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowHandle;
import io.dbosj.WorkflowState;
import io.dbosj.WorkflowStatus;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import io.dbosj.internal.db.NewWorkflow;
import io.dbosj.internal.db.QueueStore;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.StepRecord;
import io.dbosj.internal.db.StepStore;
import io.dbosj.internal.db.TransactionOutputStore;
import io.dbosj.internal.db.WorkflowForks;
import io.dbosj.internal.db.WorkflowStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and steers recorded workflows, whichever process runs them: handles, listings, cancel,
 * resume and fork. Resumed and forked workflows go on the internal queue, so whichever process's
 * queue runner takes them first starts them.
 */
public final class WorkflowManagement {
  private static final Logger log = LoggerFactory.getLogger(WorkflowManagement.class);

  private final WorkflowStore workflows;
  private final StepStore steps;
  private final TransactionOutputStore transactionOutputs;
  private final WorkflowForks forks;
  private final QueueStore queueStore;
  private final OutcomeWaiter waiter;
  private final Registry registry;
  private final String appVersion;
  private final String executorId;
  private final QueueSignal wakeQueues;
  private final CancelSignals cancelSignals;

  public WorkflowManagement(
      WorkflowStore workflows,
      StepStore steps,
      TransactionOutputStore transactionOutputs,
      WorkflowForks forks,
      QueueStore queueStore,
      OutcomeWaiter waiter,
      Registry registry,
      String appVersion,
      String executorId,
      QueueSignal wakeQueues,
      CancelSignals cancelSignals) {
    this.workflows = workflows;
    this.steps = steps;
    this.transactionOutputs = transactionOutputs;
    this.forks = forks;
    this.queueStore = queueStore;
    this.waiter = waiter;
    this.registry = registry;
    this.appVersion = appVersion;
    this.executorId = executorId;
    this.wakeQueues = wakeQueues;
    this.cancelSignals = cancelSignals;
  }

  /**
   * A handle on any recorded workflow: its result read as the declared type of its workflow
   * method when a registered object provides it, otherwise as plain JSON values.
   */
  public <R> WorkflowHandle<R> retrieve(String workflowId) {
    StatusRow row = require(workflowId);
    return new LocalWorkflowHandle<>(waiter, workflowId, this.<R>methodOf(row), null);
  }

  /**
   * A handle whose result is read as {@code type}.
   *
   * @throws IllegalArgumentException if the registered workflow method returns another type
   */
  public <R> WorkflowHandle<R> retrieve(String workflowId, Class<R> type) {
    StatusRow row = require(workflowId);
    DurableMethod<Object> registered = methodOf(row);
    DurableMethod<R> method;
    if (registered != null) {
      Class<?> declared = boxed(registered.returnType().type());
      if (declared != null && !boxed(type).isAssignableFrom(declared)) {
        throw new IllegalArgumentException(
            "workflow " + workflowId + " (" + row.name() + ") returns " + registered.returnType()
                + ", which is not a " + type.getName() + "; retrieve it as " + registered.returnType());
      }
      @SuppressWarnings("unchecked")
      DurableMethod<R> same = (DurableMethod<R>) (DurableMethod<?>) registered;
      method = same;
    } else {
      method = DurableMethod.workflow(row.name(), TypeToken.of(type));
    }
    return new LocalWorkflowHandle<>(waiter, workflowId, method, null);
  }

  /** The workflows {@code filter} selects; a row that cannot be read is logged and skipped. */
  public List<WorkflowStatus> list(WorkflowFilter filter) {
    return list(filter, WorkflowManagement::logUnreadable);
  }

  /** The workflows {@code filter} selects; a row that cannot be read goes to {@code onUnreadable}. */
  public List<WorkflowStatus> list(WorkflowFilter filter, Consumer<UnreadableRow> onUnreadable) {
    return readable(workflows.list(filter), onUnreadable);
  }

  /** Every {@code ENQUEUED} or {@code PENDING} workflow on {@code queueName} (every queue if null). */
  public List<WorkflowStatus> listQueued(String queueName) {
    return listQueued(queueName, WorkflowManagement::logUnreadable);
  }

  /** As {@link #listQueued(String)}, with rows that cannot be read reported to {@code onUnreadable}. */
  public List<WorkflowStatus> listQueued(String queueName, Consumer<UnreadableRow> onUnreadable) {
    List<StatusRow> rows = new ArrayList<>();
    for (StatusRow row : workflows.queued()) {
      if (queueName == null || queueName.equals(row.queueName())) {
        rows.add(row);
      }
    }
    return readable(rows, onUnreadable);
  }

  /** The public view of each row that can be read; the others are reported, never fatal. */
  private static List<WorkflowStatus> readable(List<StatusRow> rows, Consumer<UnreadableRow> onUnreadable) {
    List<WorkflowStatus> list = new ArrayList<>(rows.size());
    for (StatusRow row : rows) {
      try {
        list.add(row.toStatus());
      } catch (UnreadableRowException e) {
        onUnreadable.accept(e.row());
      }
    }
    return list;
  }

  private static void logUnreadable(UnreadableRow row) {
    log.warn("skipped a row that cannot be read: {}", row);
  }

  /** Every recorded operation of a workflow: steps, sleeps, children and transactions. */
  public List<StepInfo> listSteps(String workflowId) {
    require(workflowId);
    List<StepRecord> records = new ArrayList<>(steps.all(workflowId));
    // a transaction is listed in operation_outputs too, unless a crash came between the two
    // writes (or an older io.dbosj recorded it): then transaction_outputs alone has it
    Set<Integer> listed = new HashSet<>();
    records.forEach(r -> listed.add(r.functionId()));
    for (StepRecord transaction : transactionOutputs.all(workflowId)) {
      if (!listed.contains(transaction.functionId())) {
        records.add(transaction);
      }
    }
    records.sort(Comparator.comparingInt(StepRecord::functionId));
    List<StepInfo> list = new ArrayList<>();
    for (StepRecord r : records) {
      list.add(
          new StepInfo(
              r.functionId(),
              r.functionName(),
              r.output(),
              r.error(),
              r.childWorkflowId(),
              r.startedAt() == 0 ? null : Instant.ofEpochMilli(r.startedAt()),
              r.completedAt() == 0 ? null : Instant.ofEpochMilli(r.completedAt())));
    }
    return list;
  }

  /** The status of a recorded workflow. */
  public WorkflowStatus status(String workflowId) {
    return require(workflowId).toStatus();
  }

  /** Cancels an unfinished workflow; {@code false} if it had finished. */
  public boolean cancel(String workflowId) {
    return !cancel(workflowId, CancelOptions.defaults()).isEmpty();
  }

  /**
   * Cancels an unfinished workflow, and its unfinished descendants if {@code options} say so, in
   * one transaction; then the executions of those running in this process stop (see {@link
   * CancelSignal}). Returns the IDs it cancelled, this one first if it had not finished.
   */
  public List<String> cancel(String workflowId, CancelOptions options) {
    require(workflowId);
    return cancelAll(List.of(workflowId), options);
  }

  /**
   * Cancels those of the workflows {@code filter} selects (as {@link #list} would list them, limit
   * included) that have not finished, and their descendants if {@code options} say so; their IDs.
   *
   * @throws IllegalArgumentException if {@code filter} selects by nothing: it would be every workflow
   */
  public List<String> cancel(WorkflowFilter filter, CancelOptions options) {
    if (selectsEverything(filter)) {
      throw new IllegalArgumentException(
          "refusing to cancel by a filter that selects every workflow: name what to cancel, e.g."
              + " WorkflowFilter.all().states(WorkflowState.PENDING, WorkflowState.ENQUEUED) for every unfinished"
              + " one, or .name(\"checkout\"), .createdBefore(cutoff), .queueName(\"mail\"), .workflowIds(...)");
    }
    List<String> ids = new ArrayList<>();
    for (StatusRow row : workflows.list(filter)) {
      ids.add(row.workflowId());
    }
    return ids.isEmpty() ? List.of() : cancelAll(ids, options);
  }

  private List<String> cancelAll(List<String> ids, CancelOptions options) {
    List<String> cancelled = workflows.cancelAll(ids, options.cancelChildren(), System.currentTimeMillis());
    if (!cancelled.isEmpty()) {
      log.info("cancelled {}", cancelled);
      cancelSignals.cancelled(cancelled, options.interruptRunningStep());
    }
    return cancelled;
  }

  private static boolean selectsEverything(WorkflowFilter f) {
    return f.workflowIds().isEmpty() && f.name() == null && f.states().isEmpty() && f.createdAfter() == null
        && f.createdBefore() == null && f.appVersion() == null && f.queueName() == null;
  }

  /**
   * Starts a cancelled, failed or stuck workflow again from its last recorded step, with its
   * recovery attempts and deadline cleared (its timeout, if any, runs again from its new start).
   */
  public <R> WorkflowHandle<R> resume(String workflowId) {
    require(workflowId);
    if (workflows.resume(workflowId, QueueRegistry.INTERNAL_QUEUE, System.currentTimeMillis())) {
      if (!wakeQueues.announcesEnqueues()) {
        queueStore.notifyEnqueued(QueueRegistry.INTERNAL_QUEUE); // a client tells the processes itself
      }
      wakeQueues.enqueued(QueueRegistry.INTERNAL_QUEUE);
    }
    return retrieve(workflowId);
  }

  /**
   * Makes {@code DELAYED} workflow {@code workflowId} join its queue at {@code until} instead: a
   * past instant puts it on its queue at the next look of a queue runner.
   *
   * @throws IllegalStateException if the workflow is not {@code DELAYED} (it is on its queue
   *     already, running or finished): nothing is changed
   */
  public void setDelay(String workflowId, Instant until) {
    StatusRow row = require(workflowId);
    if (!workflows.setDelay(workflowId, until.toEpochMilli(), System.currentTimeMillis())) {
      StatusRow now = workflows.find(workflowId).orElse(row);
      throw new IllegalStateException(
          "workflow " + workflowId + " is " + now.state() + ", not DELAYED: only a workflow still waiting for its"
              + " delay can be given another one");
    }
    wakeQueues.wakeAt(until.toEpochMilli());
  }

  /**
   * A new workflow with the same inputs that reuses the recorded outcomes of operations before
   * {@code startStep} and runs the rest, from {@code startStep} on, again; recorded in one
   * transaction.
   */
  public <R> WorkflowHandle<R> fork(String workflowId, int startStep, String forkId) {
    return fork(workflowId, startStep, forkId, null);
  }

  /** As {@link #fork(String, int, String)}, the fork to run on {@code forkAppVersion} (this one's if null). */
  public <R> WorkflowHandle<R> fork(String workflowId, int startStep, String forkId, String forkAppVersion) {
    if (startStep < 0) {
      throw new IllegalArgumentException("the step to fork from must be 0 or more, was " + startStep);
    }
    StatusRow original = require(workflowId);
    String id = forkId != null ? forkId : UUID.randomUUID().toString();
    NewWorkflow fork =
        new NewWorkflow(
            id, WorkflowState.ENQUEUED, original.name(), original.className(), original.instanceName(),
            original.inputs(), executorId, forkAppVersion != null ? forkAppVersion : appVersion, null, QueueRegistry.INTERNAL_QUEUE, null, 0, workflowId,
            null, null, System.currentTimeMillis(), original.serialization(),
            forkAppVersion == null ? fingerprintHere(original) : null, null, null);
    if (forks.record(fork, workflowId, startStep).isPresent()) {
      throw new ConflictingWorkflowException(id, "another workflow", "a fork of " + workflowId);
    }
    wakeQueues.run();
    return retrieve(id);
  }

  /** The fingerprint this process's code gives the row's workflow, or {@code null} if it has no such code. */
  private String fingerprintHere(StatusRow row) {
    RegisteredInstance<?> instance = registry.find(row.className(), row.instanceName());
    return instance == null ? null : instance.fingerprint(row.name());
  }

  private StatusRow require(String workflowId) {
    return workflows.find(workflowId)
        .orElseThrow(() -> new DbosException("no workflow with ID '" + workflowId + "' is recorded"));
  }

  @SuppressWarnings("unchecked")
  private <R> DurableMethod<R> methodOf(StatusRow row) {
    RegisteredInstance<?> instance = registry.find(row.className(), row.instanceName());
    var entry = instance == null ? null : instance.entry(row.name());
    return entry == null ? null : (DurableMethod<R>) entry.method();
  }

  private static Class<?> boxed(java.lang.reflect.Type type) {
    if (!(type instanceof Class<?> c)) {
      return type instanceof java.lang.reflect.ParameterizedType p ? (Class<?>) p.getRawType() : null;
    }
    if (!c.isPrimitive()) {
      return c;
    }
    return java.lang.invoke.MethodType.methodType(c).wrap().returnType();
  }
}
