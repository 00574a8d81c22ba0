package io.dbosj.cli;

import io.dbosj.CancelOptions;
import io.dbosj.DBOSClient;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowFilter;
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

    @Mixin WorkflowFilterOptions filters;

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
      filter = filters.applyTo(filter);
      try (DBOSClient client = database.connect()) {
        List<io.dbosj.WorkflowStatus> found =
            client.listWorkflows(filter, Output.skippedTo(spec.commandLine().getErr()));
        Output.print(spec.commandLine().getOut(), json, found, Output::workflows);
        printStranded(client, found);
        if (found.isEmpty()) {
          // on stderr, so that --json's output stays a JSON document
          spec.commandLine().getErr().println(
              "no workflow " + (filtered() ? "matching these filters " : "") + "is recorded in " + database.described());
        }
      }
      return 0;
    }

    private boolean filtered() {
      return filters.any() || offset > 0;
    }

    /** Says which of the listed workflows no process can run, and why; on stderr, so that --json's output stays JSON. */
    private void printStranded(DBOSClient client, List<io.dbosj.WorkflowStatus> found) {
      java.util.Map<String, String> stranded =
          client.strandedWorkflows(found.stream()
              .filter(w -> w.state() == io.dbosj.WorkflowState.PENDING || w.state() == io.dbosj.WorkflowState.ENQUEUED)
              .map(io.dbosj.WorkflowStatus::workflowId)
              .toList());
      stranded.forEach((id, reason) -> spec.commandLine().getErr().println("waiting: " + id + ": " + reason));
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

  @Command(name = "cancel",
      description = "Cancel a workflow, or every unfinished one the filters select: each stops before its next step.",
      mixinStandardHelpOptions = true)
  static final class Cancel implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Parameters(paramLabel = "WORKFLOW_ID", arity = "0..1", description = "The workflow to cancel; or give filters.")
    String workflowId;

    @Mixin WorkflowFilterOptions filters;

    @Option(names = {"-l", "--limit"}, description = "With filters, at most this many (default: every one selected).")
    Integer limit;

    @Option(names = "--children", description = "Cancel their unfinished child workflows too, and theirs.")
    boolean children;

    @Override
    public Integer call() {
      if ((workflowId == null) == !filters.any()) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            workflowId == null
                ? "name a workflow ID, or filters (--status, --name, --queue, --application-version, --start-time,"
                    + " --end-time) selecting the workflows to cancel, e.g. --status PENDING,ENQUEUED for every unfinished one"
                : "give a workflow ID or filters, not both");
      }
      if (workflowId != null && limit != null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit goes with filters, not with a workflow ID");
      }
      CancelOptions options = CancelOptions.defaults().cancelChildren(children);
      try (DBOSClient client = database.connect()) {
        if (workflowId != null && !children) {
          boolean cancelled = client.cancelWorkflow(workflowId);
          spec.commandLine().getOut().println(
              cancelled ? "Cancelled " + workflowId : workflowId + " had already finished; nothing to cancel");
          return 0;
        }
        List<String> cancelled =
            workflowId != null ? client.cancelWorkflow(workflowId, options) : client.cancelWorkflows(filter(), options);
        if (cancelled.isEmpty()) {
          spec.commandLine().getOut().println("Cancelled nothing: every workflow selected had already finished");
        }
        for (String id : cancelled) {
          spec.commandLine().getOut().println("Cancelled " + id);
        }
      }
      return 0;
    }

    private WorkflowFilter filter() {
      try {
        return filters.applyTo(WorkflowFilter.all().limit(limit == null ? Integer.MAX_VALUE : limit).newestFirst(false));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
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

    @Option(names = {"-v", "--application-version"},
        description = "The application version to record the fork with: only processes of that version, and those"
            + " whose code of the workflow is unchanged, run it (default: none, so any process with its code does).")
    String appVersion;

    @Override
    public Integer call() {
      if (step < 0) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--step must be 0 or more, was " + step);
      }
      try (DBOSClient client = database.connect()) {
        String forked =
            client.forkWorkflow(workflowId, step, newId == null ? StartOptions.defaults() : StartOptions.id(newId), appVersion)
                .workflowId();
        spec.commandLine().getOut().println(forked);
      }
      return 0;
    }
  }

}
