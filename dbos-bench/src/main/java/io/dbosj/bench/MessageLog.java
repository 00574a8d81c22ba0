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
}
