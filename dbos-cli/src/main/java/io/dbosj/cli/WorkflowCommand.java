package io.dbosj.cli;

import io.dbosj.DBOSClient;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowState;
import java.time.Instant;
import java.util.List;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dbos workflow ...}: list, inspect and steer workflows. */
@Command(
    name = "workflow",
    description = "List, inspect, cancel, resume, fork and delete workflows; show their events, pending messages and streams.",
    mixinStandardHelpOptions = true,
    subcommands = {
      WorkflowCommand.ListWorkflows.class,
      WorkflowCommand.Get.class,
      WorkflowCommand.Steps.class,
      CommunicationCommands.Events.class,
      CommunicationCommands.Messages.class,
      CommunicationCommands.Streams.class,
      WorkflowCommand.Cancel.class,
      WorkflowCommand.Resume.class,
      WorkflowCommand.Fork.class,
      RetentionCommands.Delete.class
    })
final class WorkflowCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec self;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(self.commandLine(), "name a subcommand");
  }


  @Command(name = "list", description = "List workflows, newest first.", mixinStandardHelpOptions = true)
  static final class ListWorkflows implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;

    @Option(names = {"-S", "--status"}, paramLabel = "STATUS", split = ",",
        description = "Only these statuses: ${COMPLETION-CANDIDATES}.")
    List<WorkflowState> states;

    @Option(names = {"-n", "--name"}, description = "Only workflows with this name.")
    String name;

    @Option(names = {"-q", "--queue"}, description = "Only workflows of this queue.")
    String queue;

    @Option(names = {"-v", "--application-version"}, description = "Only this application version.")
    String appVersion;

    @Option(names = {"-s", "--start-time"}, paramLabel = "INSTANT",
        description = "Only workflows started at or after this ISO-8601 instant, e.g. 2026-01-31T12:00:00Z.")
    Instant startTime;

    @Option(names = {"-e", "--end-time"}, paramLabel = "INSTANT",
        description = "Only workflows started at or before this ISO-8601 instant.")
    Instant endTime;

    @Option(names = {"-l", "--limit"}, defaultValue = "10", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = {"-o", "--offset"}, defaultValue = "0", description = "Skip this many.")
    int offset;

    @Option(names = "--oldest-first", description = "Oldest first instead of newest first.")
    boolean oldestFirst;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      WorkflowFilter filter;
      try {
        filter = WorkflowFilter.all().limit(limit).offset(offset).newestFirst(!oldestFirst);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      if (states != null) {
        filter = filter.states(states.toArray(new WorkflowState[0]));
      }
      if (name != null) {
        filter = filter.name(name);
      }
      if (queue != null) {
        filter = filter.queueName(queue);
      }
      if (appVersion != null) {
        filter = filter.appVersion(appVersion);
      }
      if (startTime != null) {
        filter = filter.createdAfter(startTime);
      }
      if (endTime != null) {
        filter = filter.createdBefore(endTime);
      }
      try (DBOSClient client = database.connect()) {
        List<io.dbosj.WorkflowStatus> found =
            client.listWorkflows(filter, Output.skippedTo(spec.commandLine().getErr()));
        Output.print(spec.commandLine().getOut(), json, found, Output::workflows);
        if (found.isEmpty()) {
          // on stderr, so that --json's output stays a JSON document
          spec.commandLine().getErr().println(
              "no workflow " + (filtered() ? "matching these filters " : "") + "is recorded in " + database.described());
        }
      }
      return 0;
    }

    private boolean filtered() {
      return states != null || name != null || queue != null || appVersion != null || startTime != null
          || endTime != null || offset > 0;
    }
  }

  @Command(name = "get", description = "Show one workflow.", mixinStandardHelpOptions = true)
  static final class Get implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Parameters(paramLabel = "WORKFLOW_ID") String workflowId;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
      return Output.printFound(spec, database, workflowId, json, client -> client.getWorkflow(workflowId), Output::workflow);
    }
  }

  @Command(name = "steps", description = "List a workflow's recorded steps.", mixinStandardHelpOptions = true)
  static final class Steps implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Parameters(paramLabel = "WORKFLOW_ID") String workflowId;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
      try (DBOSClient client = database.connect()) {
        Output.print(spec.commandLine().getOut(), json, client.listWorkflowSteps(workflowId), Output::steps);
      }
      return 0;
    }
  }

  @Command(name = "cancel", description = "Cancel a workflow: it stops at its next step.", mixinStandardHelpOptions = true)
  static final class Cancel implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Parameters(paramLabel = "WORKFLOW_ID") String workflowId;

    @Override
    public Integer call() {
      try (DBOSClient client = database.connect()) {
        boolean cancelled = client.cancelWorkflow(workflowId);
        spec.commandLine().getOut().println(
            cancelled ? "Cancelled " + workflowId : workflowId + " had already finished; nothing to cancel");
      }
      return 0;
    }
  }

  @Command(name = "resume", description = "Resume a workflow from its last recorded step.", mixinStandardHelpOptions = true)
  static final class Resume implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Parameters(paramLabel = "WORKFLOW_ID") String workflowId;

    @Override
    public Integer call() {
      try (DBOSClient client = database.connect()) {
        client.resumeWorkflow(workflowId);
        spec.commandLine().getOut().println("Resumed " + workflowId);
      }
      return 0;
    }
  }

  @Command(name = "fork", description = "Start a new workflow that reuses the steps before --step and runs the rest again.",
      mixinStandardHelpOptions = true)
  static final class Fork implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Parameters(paramLabel = "WORKFLOW_ID") String workflowId;

    @Option(names = {"-s", "--step"}, required = true, description = "The first step to run again.")
    int step;

    @Option(names = "--new-id", description = "The fork's workflow ID (default: generated).")
    String newId;

    @Override
    public Integer call() {
      if (step < 0) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--step must be 0 or more, was " + step);
      }
      try (DBOSClient client = database.connect()) {
        String forked =
            client.forkWorkflow(workflowId, step, newId == null ? StartOptions.defaults() : StartOptions.id(newId))
                .workflowId();
        spec.commandLine().getOut().println(forked);
      }
      return 0;
    }
  }

}
