package io.dbosj.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W8: messages between two workflows. Send to receive: a ping-pong, each party blocked in its
 * receive while the other sends; ms from the start of each send to the return of the receive that
 * gets it, median and p99 over all measured rounds. Messages/s: one workflow sends numbered
 * messages as fast as it can, another receives them in order; from starting the two to the last
 * receive. Send to receive again with the two workflows in two JVMs on one database ({@link
 * PongProcess}), from the ping's round trips. Each column is measured round by round in turn with
 * the others.
 */
final class MessageWorkload extends Workload {
  MessageWorkload(BenchDatabases databases, Options options) {
    super(databases, options);
  }

  @Override
  void run(Report report) throws Exception {
    int hops = options.pingPongMessages();
    int streamed = options.streamedMessages();
    Report.Row median = report.add("W8", "send to recv between two workflows: median",
        "a ping-pong of " + hops + " messages per round; floor = INSERT + pg_notify in one commit, the receiver"
            + " LISTENs, wakes and DELETEs the row in one commit");
    Report.Row p99 = report.add("W8", "send to recv between two workflows: p99", null);
    Report.Row rate = report.add("W8", streamed + " messages, one workflow to another, received in order",
        "floor: one connection inserting, one receiving as above");

    Report.Row across = report.add("W8", "send to recv, the two workflows in two JVMs: median",
        "half of each round trip the ping sees; the floor's parties are two connections woken by LISTEN in either case");
    Report.Row acrossP99 = report.add("W8", "send to recv, the two workflows in two JVMs: p99", null);

    Interleaved columns = new Interleaved().add(Report.Column.FLOOR, () -> contender(new FloorMessaging(databases), hops, streamed));
    for (Engine engine : ENGINES) {
      columns.add(engine.column, () -> contender(open(engine), hops, streamed));
    }
    Map<Report.Column, List<double[]>> results = columns.run("W8", options.rounds(), List.of(median, p99, rate));

    // each round: messages/s first, then the ms of each ping-pong message
    Map<Report.Column, List<double[]>> pingPongs = new LinkedHashMap<>();
    results.forEach((column, rounds) -> {
      pingPongs.put(column, rounds.stream().map(r -> Arrays.copyOfRange(r, 1, r.length)).toList());
      double[] rates = Interleaved.firsts(rounds);
      rate.cells().put(column, new Report.Cell(Stats.median(rates), "messages/s", Stats.spread(rates)));
    });
    latencies(pingPongs, median, p99);

    across.cells().put(Report.Column.FLOOR, Report.Cell.text("as in one JVM"));
    acrossJvms(hops, across, acrossP99);
  }

  private MessagingSubject open(Engine engine) throws Exception {
    return WorkflowMessaging.open(engine, databases, engine.freshDatabase(databases));
  }

  /** The ping-pong with the pong in a child JVM: each column's half round trips. */
  private void acrossJvms(int hops, Report.Row median, Report.Row p99) {
    Interleaved columns = new Interleaved();
    for (Engine engine : ENGINES) {
      columns.add(engine.column, () -> {
        String url = engine.freshDatabase(databases);
        WorkflowMessaging subject = WorkflowMessaging.open(engine, databases, url);
        PongProcess pongs;
        try {
          pongs = new PongProcess(engine, url, options.postgres());
        } catch (Exception | Error e) {
          subject.close();
          throw e;
        }
        int[] round = {0};
        return new Interleaved.Contender(() -> {
          String ping = "w8-across-ping-" + round[0];
          String pong = "w8-across-pong-" + round[0]++;
          pongs.startPong(pong, ping, hops);
          return subject.pingAcross(ping, pong, hops);
        }, () -> {
          try (subject) {
            pongs.close();
          }
        });
      });
    }
    latencies(columns.run("W8", options.rounds(), List.of(median, p99)), median, p99);
  }

  private static void latencies(Map<Report.Column, List<double[]>> results, Report.Row median, Report.Row p99) {
    results.forEach((column, rounds) -> {
      double[] all = Interleaved.pooled(rounds);
      double[] roundMedians = rounds.stream().mapToDouble(Stats::median).toArray();
      median.cells().put(column, new Report.Cell(Stats.median(all), "ms", Stats.spread(roundMedians)));
      p99.cells().put(column, Report.Cell.of(Stats.percentile(all, 99), "ms"));
    });
  }

  private static Interleaved.Contender contender(MessagingSubject subject, int hops, int streamed) {
    return new Interleaved.Contender(() -> {
      double[] latencies = subject.pingPong(hops);
      double[] round = new double[1 + latencies.length];
      round[0] = subject.stream(streamed);
      System.arraycopy(latencies, 0, round, 1, latencies.length);
      return round;
    }, subject);
  }
}
