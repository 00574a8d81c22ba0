package io.dbosj.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures io.dbosj next to the floor (plain JDBC doing the same durable writes on the same
 * PostgreSQL) and the peer (DBOS Transact Java) in one run, each column in a database of its own,
 * and io.dbosj on SQLite too; prints a table, and writes it as Markdown or JSON when asked.
 *
 * <pre>
 * java -jar dbos-bench/target/dbos-bench.jar [--postgres URL] [--rounds N] [--workloads W1,W2,...]
 *     [--quick] [--markdown FILE] [--json FILE]
 * </pre>
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println(e.getMessage());
      }
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    BenchDatabases databases = new BenchDatabases(options.postgres());
    Report report = new Report();
    Environment.describe(report.environment, databases, options);
    report.environment.forEach((k, v) -> System.err.println(k + ": " + v));

    for (String id : options.workloads()) {
      System.err.println(id + ":");
      Workload workload = workload(id, databases, options);
      workload.run(report);
    }

    System.out.println();
    System.out.print(report.table());
    if (options.markdown() != null) {
      Path markdown = Path.of(options.markdown());
      Files.writeString(markdown, report.markdown(Chart.writeBeside(report, markdown)));
      System.err.println("wrote " + options.markdown());
    }
    if (options.json() != null) {
      Files.writeString(Path.of(options.json()), report.json());
      System.err.println("wrote " + options.json());
    }
    System.exit(0); // the peer may leave non-daemon threads behind
  }

  private static Workload workload(String id, BenchDatabases databases, Options options) {
    return switch (id) {
      case "W1" -> new SequentialWorkload(databases, options);
      case "W2" -> new ConcurrentWorkload(databases, options);
      case "W3" -> new QueueWorkload(databases, options);
      case "W4" -> new RecoveryWorkload(databases, options);
      case "W5" -> new ScheduleWorkload(databases, options);
      case "W6" -> new LaunchWorkload(databases, options);
      case "W7" -> new JavacWorkload(databases, options);
      case "W8" -> new MessageWorkload(databases, options);
      default -> throw new IllegalArgumentException(id);
    };
  }
}
