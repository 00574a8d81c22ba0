package io.dbosj.bench;

/** W8's workflows for DBOS Transact Java, which proxies an interface: see {@link MessageExchange}. */
public interface PeerMessenger {
  String ping(String partner, int messages);

  String pong(String partner, int messages);

  String sendAll(String receiver, int messages);

  String receiveAll(int messages);
}
