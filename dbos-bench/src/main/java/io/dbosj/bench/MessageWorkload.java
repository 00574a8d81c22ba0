package io.dbosj.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * W8: messages between two workflows. Send to receive: a ping-pong, each party blocked in its
 * receive while the other sends; ms from the start of each send to the return of the receive that
 * gets it, median and p99 over all measured rounds. Messages/s: one workflow sends numbered
 * messages as fast as it can, another receives them in order; from starting the two to the last
 * receive. Each column is measured round by round in turn with the others.
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

    Interleaved columns = new Interleaved().add(Report.Column.FLOOR, () -> contender(new FloorMessaging(databases), hops, streamed));
    for (Engine engine : ENGINES) {
      columns.add(engine.column, () -> contender(open(engine), hops, streamed));
    }
    Map<Report.Column, List<double[]>> results = columns.run("W8", options.rounds(), List.of(median, p99, rate));

    results.forEach((column, rounds) -> {
      // each round: messages/s first, then the ms of each ping-pong message
      List<double[]> latencies = rounds.stream().map(r -> Arrays.copyOfRange(r, 1, r.length)).toList();
      double[] all = Interleaved.pooled(latencies);
      double[] roundMedians = latencies.stream().mapToDouble(Stats::median).toArray();
      median.cells().put(column, new Report.Cell(Stats.median(all), "ms", Stats.spread(roundMedians)));
      p99.cells().put(column, Report.Cell.of(Stats.percentile(all, 99), "ms"));
      double[] rates = Interleaved.firsts(rounds);
      rate.cells().put(column, new Report.Cell(Stats.median(rates), "messages/s", Stats.spread(rates)));
    });
  }

  private MessagingSubject open(Engine engine) throws Exception {
    String url = engine.freshDatabase(databases);
    return engine == Engine.PEER
        ? new PeerMessaging(BenchDatabases.jdbcOf(url), databases.user(), databases.password())
        : new DbosjMessaging(url);
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
