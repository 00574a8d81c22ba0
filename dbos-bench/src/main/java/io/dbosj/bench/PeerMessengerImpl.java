package io.dbosj.bench;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.workflow.Workflow;
import java.util.Optional;

/** W8 for DBOS Transact Java (see {@link MessageExchange}): its {@code send} and {@code recv} inside workflows. */
public class PeerMessengerImpl implements PeerMessenger {
  private final MessageLog log;
  private final Mailbox mailbox;

  public PeerMessengerImpl(DBOS dbos, MessageLog log) {
    this.log = log;
    this.mailbox = new Mailbox() {
      @Override
      public void send(String destinationId, int message) {
        dbos.send(destinationId, message, MessageExchange.TOPIC);
      }

      @Override
      public int receive() {
        Optional<Object> message = dbos.recv(MessageExchange.TOPIC, MessageExchange.TIMEOUT);
        return ((Number) message.orElseThrow(() -> MessageExchange.noMessage("peer"))).intValue();
      }
    };
  }

  @Workflow
  @Override
  public String ping(String partner, int messages) {
    return MessageExchange.ping(mailbox, partner, messages, log);
  }

  @Workflow
  @Override
  public String pong(String partner, int messages) {
    return MessageExchange.pong(mailbox, partner, messages, log);
  }

  @Workflow
  @Override
  public String sendAll(String receiver, int messages) {
    return MessageExchange.sendAll(mailbox, receiver, messages);
  }

  @Workflow
  @Override
  public String receiveAll(int messages) {
    return MessageExchange.receiveAll(mailbox, messages);
  }
}
