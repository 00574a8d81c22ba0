package io.dbosj.cli;

import io.dbosj.DBOSClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dbos queue list}: what waits on, and runs from, the queues. */
@Command(name = "queue", description = "Inspect queues.", mixinStandardHelpOptions = true,
    subcommands = QueueCommand.ListQueued.class)
final class QueueCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec self;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(self.commandLine(), "name a subcommand");
  }


  @Command(name = "list", description = "List the ENQUEUED and PENDING workflows of a queue (or of all), in queue order.",
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
            client.listQueuedWorkflows(queue, Output.skippedTo(spec.commandLine().getErr())), Output::workflows);
      }
      return 0;
    }
  }
}
