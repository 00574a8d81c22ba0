package io.dbosj.bench;

import java.time.Duration;

/**
 * W8's two exchanges, written once for every column so each does the same work through its own
 * {@link Mailbox}: a ping-pong of numbered messages (each party blocked in receive while the other
 * sends), and a stream of numbered messages from one sender to one receiver, received in order.
 */
final class MessageExchange {
  /** The topic of every message. */
  static final String TOPIC = "w8";
  /** How long a receive waits before the round fails. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private MessageExchange() {}

  /** What a receive that timed out throws. */
  static IllegalStateException noMessage(String party) {
    return new IllegalStateException(party + ": no message within " + TIMEOUT.toSeconds() + " s");
  }

  /** Sends the even-numbered of {@code messages} messages to {@code partner}, receiving each odd one in between. */
  static String ping(Mailbox mailbox, String partner, int messages, MessageLog log) {
    for (int m = 0; m < messages; m += 2) {
      log.sending(m);
      mailbox.send(partner, m);
      if (m + 1 < messages) {
        log.received(expect(m + 1, mailbox.receive()));
      }
    }
    return "pinged";
  }

  /** Receives each even-numbered of {@code messages} messages and answers {@code partner} with the next odd one. */
  static String pong(Mailbox mailbox, String partner, int messages, MessageLog log) {
    for (int m = 0; m < messages; m += 2) {
      log.received(expect(m, mailbox.receive()));
      if (m + 1 < messages) {
        log.sending(m + 1);
        mailbox.send(partner, m + 1);
      }
    }
    return "ponged";
  }

  /** Sends messages 0 .. {@code messages}-1 to {@code receiver}, one durable send each. */
  static String sendAll(Mailbox mailbox, String receiver, int messages) {
    for (int m = 0; m < messages; m++) {
      mailbox.send(receiver, m);
    }
    return "sent";
  }

  /** Receives {@code messages} messages, checking that they come in the order they were sent. */
  static String receiveAll(Mailbox mailbox, int messages) {
    for (int m = 0; m < messages; m++) {
      expect(m, mailbox.receive());
    }
    return "received";
  }

  private static int expect(int expected, int received) {
    if (received != expected) {
      throw new IllegalStateException("received message " + received + " where message " + expected + " was due");
    }
    return received;
  }
}
