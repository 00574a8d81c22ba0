package io.dbosj.cli;

import io.dbosj.DBOSClient;
import io.dbosj.DbosException;
import io.dbosj.Queue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dbos queue limits|update|delete}: the queues {@code dbos.queues} keeps, which every runner reads. */
final class QueueLimitsCommands {
  private QueueLimitsCommands() {}

  @Command(name = "limits", description = "Show the limits of the queues kept in the database (or of one).",
      mixinStandardHelpOptions = true)
  static final class Limits implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Parameters(paramLabel = "QUEUE", arity = "0..1", description = "The queue (default: every queue).")
    String queue;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
      try (DBOSClient client = database.connect()) {
        List<Queue> queues = queue == null ? client.listQueues() : List.of(stored(client, database, queue));
        Output.print(spec.commandLine().getOut(), json, queues.stream().map(QueueLimitsView::of).toList(), Output::queues);
      }
      return 0;
    }
  }

  @Command(name = "update",
      description = {
        "Create a queue in the database or change its limits; limits not given keep their value, 0 removes one.",
        "Every process serving the queue applies the change within about a second."
      },
      mixinStandardHelpOptions = true)
  static final class Update implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Parameters(paramLabel = "QUEUE") String queue;

    @Option(names = "--concurrency", paramLabel = "N", description = "At most N running at once, across processes.")
    Integer concurrency;

    @Option(names = "--worker-concurrency", paramLabel = "N", description = "At most N running at once in each process.")
    Integer workerConcurrency;

    @Option(names = "--rate-limit", paramLabel = "N/PERIOD", converter = RateConverter.class,
        description = "At most N starts in any PERIOD, e.g. 10/1s, 100/1m; 0 removes the limit.")
    Rate rateLimit;

    @Option(names = "--priority", paramLabel = "true|false", arity = "1", description = "Whether priorities order the queue.")
    Boolean priority;

    @Option(names = "--partition-concurrency", paramLabel = "N", description = "At most N running at once per partition.")
    Integer partitionConcurrency;

    @Option(names = "--partition-worker-concurrency", paramLabel = "N",
        description = "At most N running at once per partition in each process.")
    Integer partitionWorkerConcurrency;

    @Option(names = "--partition-rate-limit", paramLabel = "N/PERIOD", converter = RateConverter.class,
        description = "At most N starts per partition in any PERIOD; 0 removes the limit.")
    Rate partitionRateLimit;

    @Override
    public Integer call() {
      try (DBOSClient client = database.connect()) {
        Optional<Queue> before = client.getQueue(queue);
        Queue changed = changed(before.orElse(Queue.of(queue)));
        boolean created = client.updateQueue(changed);
        spec.commandLine().getOut().println((created ? "Created " : "Updated ") + queue + ": " + QueueLimitsView.of(changed).summary());
      }
      return 0;
    }

    /** {@code current} with the given options applied: a fresh queue, re-given each limit that stays. */
    private Queue changed(Queue current) {
      Queue q = Queue.of(queue).priorityEnabled(priority == null ? current.priorityEnabled() : priority);
      Integer c = choose(concurrency, current.concurrency(), "--concurrency");
      Integer wc = choose(workerConcurrency, current.workerConcurrency(), "--worker-concurrency");
      Integer pc = choose(partitionConcurrency, current.partitionConcurrency(), "--partition-concurrency");
      Integer pwc = choose(partitionWorkerConcurrency, current.partitionWorkerConcurrency(), "--partition-worker-concurrency");
      Rate rate = rateLimit != null ? rateLimit : Rate.of(current.rateLimit(), current.ratePeriod());
      Rate partitionRate =
          partitionRateLimit != null ? partitionRateLimit : Rate.of(current.partitionRateLimit(), current.partitionRatePeriod());
      if (c != null) {
        q = q.concurrency(c);
      }
      if (wc != null) {
        q = q.workerConcurrency(wc);
      }
      if (pc != null) {
        q = q.partitionConcurrency(pc);
      }
      if (pwc != null) {
        q = q.partitionWorkerConcurrency(pwc);
      }
      if (rate.limit() > 0) {
        q = q.rateLimit(rate.limit(), rate.period());
      }
      if (partitionRate.limit() > 0) {
        q = q.partitionRateLimit(partitionRate.limit(), partitionRate.period());
      }
      return q;
    }

    private Integer choose(Integer given, Integer current, String option) {
      if (given == null) {
        return current;
      }
      if (given < 0) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), option + " must be 0 (no limit) or more, was " + given);
      }
      return given == 0 ? null : given;
    }
  }

  @Command(name = "delete",
      description = "Delete a queue from the database; its workflows stay, and a process registering it in code writes it again.",
      mixinStandardHelpOptions = true)
  static final class Delete implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin SystemDatabaseOption database;
    @Parameters(paramLabel = "QUEUE") String queue;

    @Override
    public Integer call() {
      try (DBOSClient client = database.connect()) {
        stored(client, database, queue);
        client.deleteQueue(queue);
        spec.commandLine().getOut().println("Deleted " + queue);
      }
      return 0;
    }
  }

  private static Queue stored(DBOSClient client, SystemDatabaseOption database, String queue) {
    return client.getQueue(queue)
        .orElseThrow(
            () -> new DbosException(
                "no queue '" + queue + "' is kept in " + database.described() + "; `dbos queue limits` lists those"
                    + " that are, and `dbos queue update " + queue + "` creates it"));
  }

  /** A rate limit as given on the command line; limit 0 is none. */
  record Rate(int limit, Duration period) {
    static Rate of(int limit, Duration period) {
      return new Rate(limit, period);
    }
  }

  static final class RateConverter implements ITypeConverter<Rate> {
    @Override
    public Rate convert(String value) {
      String text = value.trim();
      if (text.equals("0")) {
        return new Rate(0, null);
      }
      int slash = text.indexOf('/');
      if (slash < 0) {
        throw new TypeConversionException("'" + value + "' is not a rate: write N/PERIOD, e.g. 10/1s or 100/1m, or 0 for none");
      }
      int limit;
      try {
        limit = Integer.parseInt(text.substring(0, slash).trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' does not start with a number of starts: write N/PERIOD, e.g. 10/1s");
      }
      Duration period = new RetentionCommands.AgeConverter().convert(text.substring(slash + 1));
      if (limit < 1 || period.isZero() || period.isNegative()) {
        throw new TypeConversionException("'" + value + "' needs at least 1 start in a positive period, e.g. 10/1s; 0 removes the limit");
      }
      return new Rate(limit, period);
    }
  }
}
