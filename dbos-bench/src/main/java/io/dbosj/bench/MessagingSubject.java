package io.dbosj.bench;

/** W8: a column's two parties exchanging messages: io.dbosj's workflows, the peer's, or the floor's threads. */
interface MessagingSubject extends AutoCloseable {
  /** Runs a ping-pong of {@code messages} messages between two parties; ms from each send to its receipt. */
  double[] pingPong(int messages) throws Exception;

  /** One party sends {@code messages} messages, another receives them in order; messages per second. */
  double stream(int messages) throws Exception;

  @Override
  void close();
}
