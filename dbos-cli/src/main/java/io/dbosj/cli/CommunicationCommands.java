package io.dbosj.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dbos workflow events|messages|streams}: what a workflow set and wrote, and what waits for its recv. */
final class CommunicationCommands {
  private CommunicationCommands() {}

  @Command(
      name = "events",
      description = "Show the events a workflow set: each key's current value, or with --history every value in order.",
      mixinStandardHelpOptions = true)
  static final class Events implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Parameters(paramLabel = "WORKFLOW_ID") String workflowId;
    @Option(names = "--history", description = "Every value each event had, with the step that set it.") boolean history;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
      return history
          ? Output.printFound(spec, database, workflowId, json, client -> client.listEventHistory(workflowId), Output::eventHistory)
          : Output.printFound(spec, database, workflowId, json, client -> client.getAllEvents(workflowId), Output::events);
    }
  }

  @Command(
      name = "streams",
      description = "Show the values written to each of a workflow's streams, in order.",
      mixinStandardHelpOptions = true)
  static final class Streams implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Parameters(paramLabel = "WORKFLOW_ID") String workflowId;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
      return Output.printFound(spec, database, workflowId, json, client -> client.getAllStreamEntries(workflowId), Output::streams);
    }
  }

  @Command(
      name = "messages",
      description = "Show the messages sent to a workflow that no recv has consumed yet, oldest first.",
      mixinStandardHelpOptions = true)
  static final class Messages implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Parameters(paramLabel = "WORKFLOW_ID") String workflowId;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
      return Output.printFound(spec, database, workflowId, json, client -> client.listPendingMessages(workflowId), Output::messages);
    }
  }
}
