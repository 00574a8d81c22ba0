package io.dbosj.cli;

import io.dbosj.DbosException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dbos} command: {@code init}, {@code start}, {@code migrate}, {@code reset}, {@code
 * workflow list|get|steps|events|messages|streams|cancel|resume|fork|delete}, {@code queue list},
 * {@code executor list}, {@code schedule list|get|create|pause|resume|delete|backfill|trigger}, {@code garbage-collect} and {@code global-timeout}. Failures print a one-line
 * error and exit 1; bad arguments print usage and exit 2.
 */
@Command(
    name = "dbos",
    description = "Operate io.dbosj durable workflows.",
    mixinStandardHelpOptions = true,
    version = "dbos (io.dbosj) 0.1.0-SNAPSHOT",
    subcommands = {
      ProjectCommands.Init.class,
      ProjectCommands.Start.class,
      ProjectCommands.Migrate.class,
      ProjectCommands.Reset.class,
      WorkflowCommand.class,
      QueueCommand.class,
      ExecutorCommand.class,
      ScheduleCommand.class,
      RetentionCommands.GarbageCollect.class,
      RetentionCommands.GlobalTimeout.class
    })
public final class DbosCli implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec self;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(self.commandLine(), "name a subcommand");
  }


  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new DbosCli())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              String message = e instanceof DbosException || e instanceof IllegalArgumentException
                  ? e.getMessage()
                  : e.toString();
              cmd.getErr().println("error: " + message);
              return 1;
            });
  }
}
