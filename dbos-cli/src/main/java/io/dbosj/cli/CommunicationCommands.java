package io.dbosj.cli;

import io.dbosj.DBOSClient;
import io.dbosj.DbosException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Function;
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
          ? show(spec, database, workflowId, json, client -> client.listEventHistory(workflowId), Output::eventHistory)
          : show(spec, database, workflowId, json, client -> client.getAllEvents(workflowId), Output::events);
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
      return show(spec, database, workflowId, json, client -> client.getAllStreamEntries(workflowId), Output::streams);
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
      return show(spec, database, workflowId, json, client -> client.listPendingMessages(workflowId), Output::messages);
    }
  }

  /** Prints what {@code read} finds of workflow {@code workflowId}, as a table or JSON; a missing workflow names the database. */
  private static <T> int show(
      CommandSpec spec,
      SystemDatabaseOption database,
      String workflowId,
      boolean json,
      Function<DBOSClient, T> read,
      BiConsumer<PrintWriter, T> table) {
    try (DBOSClient client = database.connect()) {
      Output.print(spec.commandLine().getOut(), json, read.apply(client), table);
    } catch (DbosException e) {
      throw MissingWorkflow.or(e, database, workflowId);
    }
    return 0;
  }
}
