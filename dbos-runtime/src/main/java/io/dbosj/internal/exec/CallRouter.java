package io.dbosj.internal.exec;

import io.dbosj.DbosException;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.lifecycle.DbosShutdownException;
import io.dbosj.internal.lifecycle.ShutdownFlag;
import io.dbosj.internal.serde.Sneaky;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where a call of a generated override goes, decided by where it is made: captured (inside
 * {@code DBOS.startWorkflow(() -> ...)} or {@code queue.enqueue(() -> ...)}), a workflow of its
 * own, a child of the running workflow, a recorded step or transaction of it, or a plain call
 * (outside workflows, or inside a step).
 */
public final class CallRouter {
  private final ShutdownFlag shutdown;
  private volatile WorkflowServices services;

  public CallRouter(ShutdownFlag shutdown) {
    this.shutdown = shutdown;
  }

  /** Makes the launched services the ones calls go to. */
  public void attach(WorkflowServices launched) {
    this.services = launched;
  }

  private WorkflowServices services() {
    WorkflowServices s = services;
    if (s == null) {
      throw new IllegalStateException(
          shutdown.isSet()
              ? "this DBOS is closed; workflows cannot run on it any more"
              : "call dbos.launch() before running workflows: launch() connects to the system"
                  + " database and recovers unfinished workflows");
    }
    if (shutdown.isSet()) {
      throw new DbosShutdownException();
    }
    return s;
  }

  /** A {@code @Workflow} override was called. */
  public <R> R callWorkflow(DurableCall<R> call) {
    CallCapture capture = CurrentContext.capture();
    if (capture != null) {
      capture.record(call);
      return call.method().returnType().defaultValue();
    }
    WorkflowServices s = services();
    WorkflowContext parent = CurrentContext.workflow();
    if (parent == null) {
      return s.executor().run(call, UUID.randomUUID().toString(), null, null, null);
    }
    if (parent.currentStep() != null) {
      throw new DbosException(
          "workflow " + call.label() + " was called from inside step " + parent.currentStep() + " of workflow "
              + parent.workflowId() + "; call workflows from the workflow itself, not from its steps");
    }
    String childId = s.checkpointer().recordChild(parent, call, null);
    return s.executor().run(call, childId, parent.workflowId(), parent.deadline(), null);
  }

  /** A {@code @Step} or {@code @Transaction} override was called. */
  public <R> R callStep(DurableCall<R> call) {
    CallCapture capture = CurrentContext.capture();
    if (capture != null) {
      capture.record(call);
      return call.method().returnType().defaultValue();
    }
    WorkflowContext context = CurrentContext.workflow();
    boolean recorded = context != null && context.currentStep() == null;
    if (call.method().kind() == DurableMethod.Kind.TRANSACTION && CurrentContext.transaction() == null) {
      TransactionRunner transactions = services().transactions();
      return recorded ? transactions.runRecorded(context, call) : transactions.runUnrecorded(call);
    }
    if (!recorded || CurrentContext.transaction() != null) {
      // a plain call: outside workflows, inside a step, or a transaction joining the one it is in
      try {
        return call.body().run();
      } catch (Throwable t) {
        throw Sneaky.rethrow(t);
      }
    }
    return services().checkpointer().runStep(context, call);
  }

  /** A typed starter, {@code DBOS.startWorkflow} or an enqueue starts a workflow in the background. */
  public <R> WorkflowHandle<R> start(DurableCall<R> call, StartOptions options) {
    WorkflowServices s = services();
    String queueName = options.queueName();
    if (queueName != null) {
      s.queues().require(queueName, options.priority(), options.queuePartitionKey());
    } else if (QueuePlacement.enqueueOnlyOption(options) != null) {
      throw new IllegalArgumentException(
          QueuePlacement.enqueueOnlyOption(options) + " was given for workflow " + call.label()
              + " without a queue; it applies to an enqueue only: add .queue(queue) to the start options");
    }
    QueuePlacement placement = queueName == null ? null : QueuePlacement.of(queueName, options, Instant.now());
    WorkflowContext parent = CurrentContext.workflow();
    String parentId = null;
    Long parentDeadline = null;
    String id;
    if (parent != null && parent.currentStep() == null) {
      id = s.checkpointer().recordChild(parent, call, options.workflowId());
      parentId = parent.workflowId();
      parentDeadline = parent.deadline();
    } else {
      id = options.workflowId() != null ? options.workflowId() : UUID.randomUUID().toString();
    }
    if (queueName == null) {
      return s.executor().start(call, id, parentId, parentDeadline, options.timeout());
    }
    String inputs = s.json().encodeArguments(call.instance().className(), call.method(), call.args());
    String enqueued = s.admission().enqueue(call, id, parentId, parentDeadline, inputs, placement, options.timeout());
    return s.executor().enqueuedHandle(enqueued, call);
  }

  /** {@code DBOS.startWorkflow(() -> workflow(args), options)} and {@code queue.enqueue(...)}. */
  @SuppressWarnings("unchecked")
  public static <R> WorkflowHandle<R> startCaptured(Supplier<R> lambda, StartOptions options, String what) {
    DurableCall<R> call = (DurableCall<R>) CurrentContext.captureCall(lambda, what);
    return call.instance().router().start(call, options);
  }
}
