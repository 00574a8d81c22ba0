package io.dbosj.bench;

/** W8: one party's end of an exchange of numbered messages, as io.dbosj, the peer or the floor does it. */
interface Mailbox {
  /** Sends {@code message} to the party {@code destinationId}, durably. */
  void send(String destinationId, int message);

  /** The oldest message to this party not yet received, waiting for one if there is none. */
  int receive();
}
