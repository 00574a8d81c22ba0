package io.dbosj.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/** W8: when each numbered message of a round was sent and when it was received, in this JVM's nanoTime. */
final class MessageLog {
  private volatile AtomicLongArray sent = new AtomicLongArray(0);
  private volatile AtomicLongArray received = new AtomicLongArray(0);

  /** Starts a round of {@code messages} messages, numbered from 0. */
  void begin(int messages) {
    sent = new AtomicLongArray(messages);
    received = new AtomicLongArray(messages);
  }

  /** Records that {@code message} is being sent now: just before the send. */
  void sending(int message) {
    sent.set(message, System.nanoTime());
  }

  /** Records that {@code message} was received now: just after the receive returned it. */
  void received(int message) {
    received.set(message, System.nanoTime());
  }

  /**
   * ms from each message's send to its receipt, but for message 0: it is sent while the receiving
   * workflow may still be starting, not yet waiting in its receive.
   */
  double[] latencyMillis() {
    double[] millis = new double[sent.length() - 1];
    for (int i = 1; i < sent.length(); i++) {
      if (sent.get(i) == 0 || received.get(i) == 0) {
        throw new IllegalStateException("message " + i + " of " + sent.length() + " was not both sent and received");
      }
      millis[i - 1] = (received.get(i) - sent.get(i)) / 1e6;
    }
    return millis;
  }

  /**
   * Half of each round trip seen by the ping (its send of an even message to its receipt of the
   * next), but for the first: what a ping-pong whose pong runs in another JVM yields, with no
   * clock shared between the two.
   */
  double[] halfRoundTripMillis() {
    int trips = sent.length() / 2;
    double[] millis = new double[trips - 1];
    for (int t = 1; t < trips; t++) {
      int m = 2 * t;
      if (sent.get(m) == 0 || received.get(m + 1) == 0) {
        throw new IllegalStateException("round trip " + t + " of " + trips + " did not complete");
      }
      millis[t - 1] = (received.get(m + 1) - sent.get(m)) / 2e6;
    }
    return millis;
  }
}
