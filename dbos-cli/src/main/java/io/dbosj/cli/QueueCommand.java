package io.dbosj.cli;

import io.dbosj.DBOSClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dbos queue ...}: what waits on, and runs from, the queues, and the limits they run under. */
@Command(name = "queue", description = "Inspect queues and change their limits.", mixinStandardHelpOptions = true,
    subcommands = {
      QueueCommand.ListQueued.class,
      QueueLimitsCommands.Limits.class,
      QueueLimitsCommands.Update.class,
      QueueLimitsCommands.Delete.class
    })
final class QueueCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec self;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(self.commandLine(), "name a subcommand");
  }


  @Command(name = "list", description = "List the DELAYED, ENQUEUED and PENDING workflows of a queue (or of all), in queue order,"
          + " with their partition and when a delayed one becomes ENQUEUED.",
      mixinStandardHelpOptions = true)
  static final class ListQueued implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Parameters(paramLabel = "QUEUE", arity = "0..1", description = "The queue (default: every queue).")
    String queue;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
      try (DBOSClient client = database.connect()) {
        Output.print(
            spec.commandLine().getOut(), json,
            client.listQueuedWorkflows(queue, Output.skippedTo(spec.commandLine().getErr())), Output::queued);
      }
      return 0;
    }
  }
}
