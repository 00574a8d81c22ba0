package io.dbosj.cli;

import io.dbosj.DBOSClient;
import io.dbosj.DbosException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dbos workflow delete}, {@code dbos garbage-collect} and {@code dbos global-timeout}. */
final class RetentionCommands {
  private RetentionCommands() {}

  @Command(name = "delete", description = "Delete a finished workflow with everything it recorded.",
      mixinStandardHelpOptions = true)
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Parameters(paramLabel = "WORKFLOW_ID") String workflowId;

    @Option(names = {"-c", "--children"}, description = "Also delete its descendants (children, their children, ...).")
    boolean children;

    @Override
    public Integer call() {
      try (DBOSClient client = database.connect()) {
        List<String> deleted = client.deleteWorkflow(workflowId, children);
        if (deleted.isEmpty()) {
          throw new DbosException(
              "no workflow with ID '" + workflowId + "' is recorded in " + database.described()
                  + "; nothing was deleted. Give the database it runs in with -D/--db-url,"
                  + " DBOS_SYSTEM_DATABASE_URL or dbos-config.yaml");
        }
        spec.commandLine().getOut().println("Deleted " + String.join(", ", deleted));
      }
      return 0;
    }
  }

  /** A cutoff given as an instant or as an age before now. */
  static final class Cutoff {
    @Option(names = "--before", paramLabel = "INSTANT", required = true,
        description = "Workflows created before this ISO-8601 instant, e.g. 2026-01-31T12:00:00Z.")
    Instant before;

    @Option(names = "--older-than", paramLabel = "AGE", required = true, converter = AgeConverter.class,
        description = "Workflows created more than this long ago: 30d, 12h, 15m, 45s, or ISO-8601 (P30D).")
    Duration olderThan;

    Instant instant() {
      return before != null ? before : Instant.now().minus(olderThan);
    }
  }

  @Command(name = "garbage-collect",
      description = "Delete the finished workflows created before a cutoff and beyond the newest N (DBOS's garbage collection).",
      mixinStandardHelpOptions = true)
  static final class GarbageCollect implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @ArgGroup(exclusive = true) Cutoff cutoff;

    @Option(names = "--keep", paramLabel = "N", description = "Keep the N most recently created workflows.")
    Long keep;

    @Override
    public Integer call() {
      if (cutoff == null && keep == null) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "give --before or --older-than, --keep, or both: garbage-collect deletes nothing by default");
      }
      try (DBOSClient client = database.connect()) {
        long deleted = client.garbageCollect(cutoff == null ? null : cutoff.instant(), keep);
        spec.commandLine().getOut().println("Deleted " + deleted + " finished workflow(s)");
      }
      return 0;
    }
  }

  @Command(name = "global-timeout",
      description = "Cancel every unfinished workflow created at or before a cutoff (DBOS's global timeout).",
      mixinStandardHelpOptions = true)
  static final class GlobalTimeout implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @ArgGroup(exclusive = true, multiplicity = "1") Cutoff cutoff;

    @Override
    public Integer call() {
      try (DBOSClient client = database.connect()) {
        List<String> cancelled = client.globalTimeout(cutoff.instant());
        spec.commandLine().getOut().println(
            cancelled.isEmpty() ? "No unfinished workflow was created by then" : "Cancelled " + String.join(", ", cancelled));
      }
      return 0;
    }
  }

  /** {@code 30d}, {@code 12h}, {@code 15m}, {@code 45s}, or an ISO-8601 duration. */
  static final class AgeConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)([dhms])");

    @Override
    public Duration convert(String value) {
      Matcher m = SHORT.matcher(value.trim());
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "d" -> Duration.ofDays(n);
          case "h" -> Duration.ofHours(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofSeconds(n);
        };
      }
      try {
        return Duration.parse(value.trim());
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not an age: write 30d, 12h, 15m, 45s, or an ISO-8601 duration such as P30D");
      }
    }
  }
}
