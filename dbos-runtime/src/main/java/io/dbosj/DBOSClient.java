package io.dbosj;

import io.dbosj.internal.config.ConfigSources;
import io.dbosj.internal.exec.WorkflowEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Manages workflows from a process that has none of their classes: list and inspect them,
 * cancel, resume and fork them, enqueue a workflow by name for the processes that run it, and
 * wait for results (read as plain JSON values: maps, lists, strings, numbers). It runs no
 * workflow and recovers nothing.
 *
 * <pre>{@code
 * try (DBOSClient client = DBOSClient.connect("postgresql://app:secret@db:5432/app")) {
 *   client.cancelWorkflow("order-42");
 *   WorkflowHandle<Object> h = client.enqueue("emails", "com.shop.Mailer", "send",
 *       StartOptions.defaults(), "ada@example.com");
 * }
 * }</pre>
 */
public final class DBOSClient implements AutoCloseable {
  private final WorkflowEngine engine;

  private DBOSClient(WorkflowEngine engine) {
    this.engine = engine;
  }

  /**
   * Connects to the system database at {@code systemDatabaseUrl} (any form DBOS accepts).
   *
   * @throws DbosException naming the database (password masked), if it cannot be reached
   */
  public static DBOSClient connect(String systemDatabaseUrl) {
    Objects.requireNonNull(systemDatabaseUrl, "systemDatabaseUrl");
    WorkflowEngine engine =
        new WorkflowEngine(
            new ConfigSources(Map.of(), Path.of("no-dbos-config.yaml"))
                .resolve(
                    new ConfigSources.Explicit(
                        "dbos-client", systemDatabaseUrl, null, "dbos-client", "", false, null)),
            true);
    engine.launch();
    return new DBOSClient(engine);
  }

  public List<WorkflowStatus> listWorkflows(WorkflowFilter filter) {
    return engine.listWorkflows(Objects.requireNonNull(filter, "filter"));
  }

  /** @throws DbosException if no workflow has this ID */
  public WorkflowStatus getWorkflow(String workflowId) {
    return engine.retrieve(workflowId).getStatus();
  }

  /** @throws DbosException if no workflow has this ID */
  public List<StepInfo> listWorkflowSteps(String workflowId) {
    return engine.listSteps(workflowId);
  }

  /** The workflows waiting on or running from a queue (every queue if null). */
  public List<WorkflowStatus> listQueuedWorkflows(String queueName) {
    return engine.listQueued(queueName);
  }

  /** A handle whose result is read as plain JSON values. */
  public WorkflowHandle<Object> retrieveWorkflow(String workflowId) {
    return engine.retrieve(workflowId);
  }

  public boolean cancelWorkflow(String workflowId) {
    return engine.cancel(workflowId);
  }

  public WorkflowHandle<Object> resumeWorkflow(String workflowId) {
    return engine.resume(workflowId);
  }

  public WorkflowHandle<Object> forkWorkflow(String workflowId, int startStep, StartOptions options) {
    return engine.fork(workflowId, startStep, options);
  }

  /**
   * Enqueues workflow {@code workflowName} of {@code className} (its binary name) on {@code
   * queueName}, for whichever process has that class and queue registered.
   */
  public WorkflowHandle<Object> enqueue(
      String queueName, String className, String workflowName, StartOptions options, Object... args) {
    return engine.enqueueByName(queueName, className, workflowName, "", args, options);
  }

  @Override
  public void close() {
    engine.close();
  }
}
