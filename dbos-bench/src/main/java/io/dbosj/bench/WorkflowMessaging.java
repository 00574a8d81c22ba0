package io.dbosj.bench;

/**
 * W8 for an engine whose parties are workflows (io.dbosj, the peer): they can also run in two
 * processes on one database, the ping here and the pong in a {@link PongProcess}.
 */
interface WorkflowMessaging extends MessagingSubject {
  /** Opens {@code engine} on the fresh database {@code url}. */
  static WorkflowMessaging open(Engine engine, BenchDatabases databases, String url) {
    return engine == Engine.PEER
        ? new PeerMessaging(BenchDatabases.jdbcOf(url), databases.user(), databases.password())
        : new DbosjMessaging(url);
  }

  /** Starts the pong of a ping-pong of {@code messages} messages as workflow {@code pongId}; returns once it is recorded. */
  void startPong(String pongId, String pingId, int messages);

  /**
   * Runs the ping of a ping-pong whose pong runs elsewhere; half of each round trip measured here
   * (see {@link MessageLog#halfRoundTripMillis}).
   */
  double[] pingAcross(String pingId, String pongId, int messages);
}
