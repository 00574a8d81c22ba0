package io.dbosj.cli;

import io.dbosj.DBOSClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dbos executor list}: the processes that announced themselves, and their state. */
@Command(name = "executor", description = "Inspect executors (the processes sharing the system database).",
    mixinStandardHelpOptions = true, subcommands = ExecutorCommand.ListExecutors.class)
final class ExecutorCommand implements Runnable {
  @Spec CommandSpec self;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(self.commandLine(), "name a subcommand");
  }

  @Command(name = "list",
      description = "List executors: ID, host, pid, version, started, last heartbeat, state"
          + " (alive, lapsed, stopped, taken over by X).",
      mixinStandardHelpOptions = true)
  static final class ListExecutors implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
      try (DBOSClient client = database.connect()) {
        Output.print(spec.commandLine().getOut(), json, client.listExecutors(), Output::executors);
      }
      return 0;
    }
  }
}
