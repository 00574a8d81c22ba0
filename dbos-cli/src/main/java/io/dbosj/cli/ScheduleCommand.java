package io.dbosj.cli;

import io.dbosj.DBOSClient;
import io.dbosj.ScheduleOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.WorkflowSchedule;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code dbos schedule list|get|create|pause|resume|delete|backfill|trigger}: the schedules kept in
 * {@code dbos.workflow_schedules}, which every launched process runs.
 */
@Command(name = "schedule", description = "Manage the schedules kept in the system database.",
    mixinStandardHelpOptions = true,
    subcommands = {
      ScheduleCommand.ListSchedules.class, ScheduleCommand.Get.class, ScheduleCommand.Create.class,
      ScheduleCommand.Pause.class, ScheduleCommand.Resume.class, ScheduleCommand.Delete.class,
      ScheduleCommand.Backfill.class, ScheduleCommand.Trigger.class
    })
final class ScheduleCommand implements Runnable {
  @Spec CommandSpec self;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(self.commandLine(), "name a subcommand");
  }

  /** What every schedule subcommand shares: the database, where to print, and the client. */
  abstract static class ScheduleAction implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;

    @Override
    public Integer call() {
      try (DBOSClient client = database.connect()) {
        run(client, spec.commandLine().getOut());
      }
      return 0;
    }

    abstract void run(DBOSClient client, PrintWriter out);
  }

  @Command(name = "list", description = "List the schedules: name, workflow, cron, status, last fired.",
      mixinStandardHelpOptions = true)
  static final class ListSchedules extends ScheduleAction {
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    void run(DBOSClient client, PrintWriter out) {
      Output.print(out, json, client.listSchedules(), Output::schedules);
    }
  }

  @Command(name = "get", description = "Show one schedule.", mixinStandardHelpOptions = true)
  static final class Get extends ScheduleAction {
    @Parameters(paramLabel = "NAME", description = "The schedule.") String name;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    void run(DBOSClient client, PrintWriter out) {
      WorkflowSchedule schedule = client.getSchedule(name).orElseThrow(() -> new io.dbosj.DbosException(
          "there is no schedule named '" + name + "'; list them with 'dbos schedule list'"));
      Output.print(out, json, List.of(schedule), Output::schedules);
    }
  }

  @Command(name = "create",
      description = "Create a schedule: every launched process starts the workflow at each tick, once."
          + " The workflow takes (Instant scheduledTime, T context).",
      mixinStandardHelpOptions = true)
  static final class Create extends ScheduleAction {
    @Parameters(paramLabel = "NAME", description = "The schedule's name, unique.") String name;
    @Option(names = "--class", required = true, description = "The workflow's class, by binary name (com.shop.Reports).")
    String className;
    @Option(names = "--workflow", required = true, description = "The workflow's name.") String workflow;
    @Option(names = "--cron", required = true,
        description = "The cron expression: 5 fields, or 6 with seconds first (\"0 0 2 * * *\").") String cron;
    @Option(names = "--timezone", description = "The zone the cron expression is read in (default UTC).") String zone;
    @Option(names = "--queue", description = "The queue ticks are enqueued on (default DBOS's internal one).") String queue;
    @Option(names = "--automatic-backfill", description = "After downtime, run each tick missed since the last one fired.")
    boolean backfill;
    @Option(names = "--context", description = "The context each tick passes, as JSON (\"eu\", {\"region\":\"eu\"}).")
    String context;

    @Override
    void run(DBOSClient client, PrintWriter out) {
      ScheduleOptions options = ScheduleOptions.defaults().timeZone(zone).queue(queue).automaticBackfill(backfill);
      if (context != null) {
        try {
          options = options.context(JsonMapper.builder().build().readValue(context, Object.class));
        } catch (JacksonException e) {
          throw new IllegalArgumentException(
              "--context must be JSON, e.g. '\"eu\"' or '{\"region\":\"eu\"}': " + e.getOriginalMessage());
        }
      }
      WorkflowSchedule created = client.createSchedule(name, className, workflow, cron, options);
      out.println("created schedule " + created.scheduleName() + " (" + created.scheduleId() + ")");
    }
  }

  @Command(name = "pause", description = "Stop a schedule firing until it is resumed.", mixinStandardHelpOptions = true)
  static final class Pause extends ScheduleAction {
    @Parameters(paramLabel = "NAME", description = "The schedule.") String name;

    @Override
    void run(DBOSClient client, PrintWriter out) {
      client.pauseSchedule(name);
      out.println("paused schedule " + name);
    }
  }

  @Command(name = "resume", description = "Make a paused schedule fire again.", mixinStandardHelpOptions = true)
  static final class Resume extends ScheduleAction {
    @Parameters(paramLabel = "NAME", description = "The schedule.") String name;

    @Override
    void run(DBOSClient client, PrintWriter out) {
      client.resumeSchedule(name);
      out.println("resumed schedule " + name);
    }
  }

  @Command(name = "delete", description = "Delete a schedule; the workflows it started stay.",
      mixinStandardHelpOptions = true)
  static final class Delete extends ScheduleAction {
    @Parameters(paramLabel = "NAME", description = "The schedule.") String name;

    @Override
    void run(DBOSClient client, PrintWriter out) {
      client.deleteSchedule(name);
      out.println("deleted schedule " + name);
    }
  }

  @Command(name = "backfill",
      description = "Enqueue each tick in [start, end) that has not run; prints the ticks' workflow IDs.",
      mixinStandardHelpOptions = true)
  static final class Backfill extends ScheduleAction {
    @Parameters(paramLabel = "NAME", description = "The schedule.") String name;
    @Option(names = "--start", required = true, description = "The first instant, ISO-8601 (2030-01-01T00:00:00Z).")
    Instant start;
    @Option(names = "--end", required = true, description = "The end, excluded, ISO-8601.") Instant end;

    @Override
    void run(DBOSClient client, PrintWriter out) {
      for (WorkflowHandle<Object> handle : client.backfillSchedule(name, start, end)) {
        out.println(handle.workflowId());
      }
    }
  }

  @Command(name = "trigger", description = "Enqueue the schedule's workflow now; prints its workflow ID.",
      mixinStandardHelpOptions = true)
  static final class Trigger extends ScheduleAction {
    @Parameters(paramLabel = "NAME", description = "The schedule.") String name;

    @Override
    void run(DBOSClient client, PrintWriter out) {
      out.println(client.triggerSchedule(name).workflowId());
    }
  }
}
