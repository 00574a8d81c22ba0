package io.dbosj.bench;

/** The same workflows for DBOS Transact Java, which proxies an interface. */
public interface PeerFlows {
  String threeSteps();

  String task(int i);

  String stuck();
}
