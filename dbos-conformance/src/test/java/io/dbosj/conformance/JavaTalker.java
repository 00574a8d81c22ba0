package io.dbosj.conformance;

/** The workflows of a DBOS Transact Java app that io.dbosj's client talks to. */
public interface JavaTalker {
  String inbox();

  String publisher();
}
