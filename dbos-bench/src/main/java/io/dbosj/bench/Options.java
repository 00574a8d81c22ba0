package io.dbosj.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The command line: {@code [--postgres URL] [--rounds N] [--workloads W1,W2] [--quick] [--markdown FILE] [--json FILE]}. */
record Options(String postgres, int rounds, Set<String> workloads, boolean quick, String markdown, String json) {
  static final List<String> ALL = List.of("W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8");
  static final String USAGE =
      "usage: java -jar dbos-bench.jar [--postgres URL] [--rounds N] [--workloads W1,W2,...] [--quick]"
          + " [--markdown FILE] [--json FILE]";

  static Options parse(String[] args) {
    String postgres = "postgresql://dbosj:dbosj@localhost:5432/dbosj_test";
    Integer rounds = null;
    Set<String> workloads = new LinkedHashSet<>(ALL);
    boolean quick = false;
    String markdown = null;
    String json = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--postgres" -> postgres = value(args, ++i);
        case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
        case "--markdown" -> markdown = value(args, ++i);
        case "--json" -> json = value(args, ++i);
        case "--workloads" -> {
          workloads = new LinkedHashSet<>();
          for (String w : value(args, ++i).split(",")) {
            String id = w.trim().toUpperCase(java.util.Locale.ROOT);
            if (!ALL.contains(id)) {
              throw new IllegalArgumentException("unknown workload " + w + "; known: " + ALL);
            }
            workloads.add(id);
          }
        }
        case "-h", "--help" -> throw new IllegalArgumentException("");
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    int n = rounds != null ? rounds : 3;
    if (n < 1) {
      throw new IllegalArgumentException("--rounds must be at least 1");
    }
    return new Options(postgres, n, workloads, quick, markdown, json);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  boolean runs(String workload) {
    return workloads.contains(workload);
  }

  /** Workflows timed per round of W1. */
  int sequentialPerRound() {
    return quick ? 100 : 400;
  }

  /** Seconds each round of W2 and of the floor's concurrent figures lasts. */
  double concurrentSeconds() {
    return quick ? 3 : 10;
  }

  /** Tasks enqueued per round of W3. */
  int queuedTasks() {
    return quick ? 1000 : 10_000;
  }

  /** Workflows left PENDING for W4. */
  int pendingWorkflows() {
    return quick ? 1000 : 10_000;
  }

  /** Messages per round of W8's ping-pong. */
  int pingPongMessages() {
    return quick ? 100 : 400;
  }

  /** Messages per round of W8's stream from one workflow to another. */
  int streamedMessages() {
    return quick ? 300 : 2000;
  }
}
