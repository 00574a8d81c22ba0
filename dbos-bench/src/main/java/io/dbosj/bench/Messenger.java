package io.dbosj.bench;

import io.dbosj.DBOS;
import io.dbosj.annotation.Workflow;

/** W8's io.dbosj workflows: {@link MessageExchange} through {@code DBOS.send} and {@code DBOS.recv}. */
public class Messenger {
  private final MessageLog log;
  private final Mailbox mailbox = new Mailbox() {
    @Override
    public void send(String destinationId, int message) {
      DBOS.send(destinationId, message, MessageExchange.TOPIC);
    }

    @Override
    public int receive() {
      return DBOS.recv(MessageExchange.TOPIC, MessageExchange.TIMEOUT, Integer.class)
          .orElseThrow(() -> MessageExchange.noMessage("io.dbosj"));
    }
  };

  Messenger(MessageLog log) {
    this.log = log;
  }

  @Workflow
  public String ping(String partner, int messages) {
    return MessageExchange.ping(mailbox, partner, messages, log);
  }

  @Workflow
  public String pong(String partner, int messages) {
    return MessageExchange.pong(mailbox, partner, messages, log);
  }

  @Workflow
  public String sendAll(String receiver, int messages) {
    return MessageExchange.sendAll(mailbox, receiver, messages);
  }

  @Workflow
  public String receiveAll(int messages) {
    return MessageExchange.receiveAll(mailbox, messages);
  }
}
