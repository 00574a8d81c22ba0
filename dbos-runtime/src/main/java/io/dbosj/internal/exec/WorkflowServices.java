package io.dbosj.internal.exec;

import io.dbosj.internal.db.CommunicationStore;
import io.dbosj.internal.db.FinishedWorkflows;
import io.dbosj.internal.db.OutcomeWrites;
import io.dbosj.internal.db.QueueStore;
import io.dbosj.internal.db.StepStore;
import io.dbosj.internal.db.SystemDatabase;
import io.dbosj.internal.db.TransactionOutputStore;
import io.dbosj.internal.db.WorkflowForks;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.lifecycle.ShutdownFlag;
import io.dbosj.internal.messaging.Communication;
import io.dbosj.internal.messaging.WakeUps;
import io.dbosj.internal.serde.JsonCodec;
import io.dbosj.internal.serde.OutcomeCodec;

/**
 * The parts that run workflows once a runtime is launched, wired to one system database (and
 * the application database for transactions). Built by {@link #connect}; the executor is the one
 * that owns threads, and is stopped by whoever built it.
 */
public record WorkflowServices(
    WorkflowExecutor executor,
    Checkpointer checkpointer,
    TransactionRunner transactions,
    Admission admission,
    QueueRegistry queues,
    JsonCodec json,
    RunningWorkflows running,
    DispatchedCalls calls,
    WorkflowManagement management,
    Communication communication,
    CommunicationListing communicationListing,
    OutcomePoller poller) {

  /** What the parts are built from. */
  public record Wiring(
      SystemDatabase systemDb,
      SystemDatabase applicationDb,
      String executorId,
      String appVersion,
      Registry registry,
      QueueRegistry queues,
      QueueSignal wakeQueues,
      WakeUps wakeUps,
      ShutdownFlag shutdown,
      CancelSignals cancelSignals) {}

  public static WorkflowServices connect(Wiring w) {
    JsonCodec json = new JsonCodec();
    OutcomeCodec outcomes = new OutcomeCodec(json);
    WorkflowStore workflows = new WorkflowStore(w.systemDb());
    StepStore steps = new StepStore(w.systemDb());
    TransactionOutputStore transactionOutputs = new TransactionOutputStore(w.applicationDb());
    RunningWorkflows running = new RunningWorkflows();
    OutcomePoller poller = new OutcomePoller(new FinishedWorkflows(w.systemDb()), running, "DBOS");
    OutcomeWaiter waiter = new OutcomeWaiter(running, workflows, outcomes, w.shutdown(), poller);
    StepTimeouts stepTimeouts = new StepTimeouts();
    Checkpointer checkpointer = new Checkpointer(workflows, steps, outcomes, w.shutdown(), stepTimeouts);
    TransactionRunner transactions = new TransactionRunner(
            transactionOutputs, steps, w.applicationDb() == w.systemDb(), outcomes, w.executorId());
    Communication communication = new Communication(w.systemDb(), json, w.wakeUps());
    WorkflowCommunication workflowCommunication =
        new WorkflowCommunication(communication, checkpointer, steps, w.systemDb().groupCommit(), json);
    Admission admission = new Admission(workflows, steps, w.executorId(), w.appVersion(), w.wakeQueues());
    WorkflowExecution execution =
        new WorkflowExecution(
            checkpointer, workflowCommunication, new FirstFinished(poller, checkpointer, steps, workflows, json),
            transactions, outcomes, new OutcomeWrites(w.systemDb(), steps, workflows),
            w.systemDb().groupCommit(), workflows, waiter, w.shutdown(), w.cancelSignals());
    WorkflowExecutor executor =
        new WorkflowExecutor(
            admission, execution, waiter, running, json, WorkflowThreads.create(), stepTimeouts, w.shutdown());
    WorkflowManagement management =
        new WorkflowManagement(
            workflows, steps, transactionOutputs,
            new WorkflowForks(w.systemDb(), workflows, steps, transactionOutputs),
            new QueueStore(w.systemDb()), waiter, w.registry(), w.appVersion(), w.executorId(), w.wakeQueues(),
            w.cancelSignals());
    return new WorkflowServices(
        executor, checkpointer, transactions, admission, w.queues(), json, running,
        new DispatchedCalls(w.registry(), json, workflows), management, communication,
        new CommunicationListing(workflows, new CommunicationStore(w.systemDb()), json), poller);
  }
}
