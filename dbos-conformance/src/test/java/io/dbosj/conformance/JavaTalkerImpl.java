package io.dbosj.conformance;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.workflow.SerializationStrategy;
import dev.dbos.transact.workflow.Workflow;
import java.time.Duration;

/** {@link JavaTalker} written for DBOS Transact Java, recording in DBOS's portable format. */
public class JavaTalkerImpl implements JavaTalker {
  private static final Duration WAIT = Duration.ofSeconds(90);

  private final DBOS dbos;

  public JavaTalkerImpl(DBOS dbos) {
    this.dbos = dbos;
  }

  /** Two messages on the default topic, then one on {@code orders}: {@code "<first>,<second> | <orders>"}. */
  @Workflow(name = "inbox", serializationStrategy = SerializationStrategy.PORTABLE)
  @Override
  public String inbox() {
    Object first = dbos.recv(null, WAIT).orElse("<none>");
    Object second = dbos.recv(null, WAIT).orElse("<none>");
    Object orders = dbos.recv("orders", WAIT).orElse("<none>");
    return first + "," + second + " | " + orders;
  }

  /**
   * Sets {@code status} = {@code ready}, {@code receipt} (a record) and {@code native} (in DBOS
   * Java's own {@code java_jackson}), writes {@code one} and {@code two} (java_jackson) to stream
   * {@code progress}, waits for a message on {@code go}, then sets {@code late}, writes {@code
   * three}, closes {@code progress}, writes {@code x} to stream {@code log} (never closed) and
   * returns what {@code go} brought.
   */
  @Workflow(name = "publisher", serializationStrategy = SerializationStrategy.PORTABLE)
  @Override
  public String publisher() {
    dbos.setEvent("status", "ready");
    dbos.setEvent("receipt", new Receipt("kiwi", 3));
    dbos.setEvent("native", "in java_jackson", SerializationStrategy.NATIVE);
    dbos.writeStream("progress", "one");
    dbos.writeStream("progress", "two", SerializationStrategy.NATIVE);
    Object go = dbos.recv("go", WAIT).orElse("<none>");
    dbos.setEvent("late", "set after go");
    dbos.writeStream("progress", "three");
    dbos.closeStream("progress");
    dbos.writeStream("log", "x");
    return String.valueOf(go);
  }
}
