package io.dbosj.conformance;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.annotation.Workflow;
import java.time.Duration;
import java.util.List;

/** The io.dbosj workflows that DBOS's clients send messages to and read events and streams of. */
public class Mailbox {
  /** Longer than any test waits: a message that never arrives shows as a timeout, not a hang. */
  static final Duration WAIT = Duration.ofSeconds(60);

  /** Two messages on the default (null) topic, in the order received. */
  @Workflow
  public String twoOnTheDefaultTopic() {
    return take(null) + "," + take(null);
  }

  /** On topic {@code orders}: a {@link Receipt}, then a note. */
  @Workflow
  public String order() {
    Receipt receipt = DBOS.recv("orders", WAIT, Receipt.class)
        .orElseThrow(() -> new IllegalStateException("no receipt arrived on topic orders"));
    return receipt.quantity() + " x " + receipt.sku() + " (" + take("orders") + ")";
  }

  /**
   * Sets {@code status} to {@code waiting}, waits for a message on {@code go}, then sets {@code
   * receipt} and {@code status} = {@code approved}; returns what {@code go} brought.
   */
  @Workflow
  public String approval() {
    DBOS.setEvent("status", "waiting");
    String go = take("go");
    DBOS.setEvent("receipt", new Receipt("fig", 2));
    DBOS.setEvent("status", "approved");
    return go;
  }

  /**
   * Writes {@code one} and {@code two} to stream {@code progress}, waits for a message on {@code
   * more}, writes {@code three} and closes it; writes {@code x} and {@code y} to stream {@code log}
   * and, without closing that one, ends once a message on {@code done} comes. DBOS's stream readers
   * look for the next value, then at the workflow's status, in two reads: a workflow that ended
   * between them would cut a reader short, so it stays running until its readers are done.
   */
  @Workflow
  public String progress() {
    DBOS.writeStream("progress", "one");
    DBOS.writeStream("progress", "two");
    String more = take("more");
    DBOS.writeStream("progress", "three");
    DBOS.closeStream("progress");
    DBOS.writeStream("log", "x");
    DBOS.writeStream("log", "y");
    take("done");
    return more;
  }

  /** Sends {@code receipt} on {@code topic} to {@code destinationId}: a workflow's own, recorded, send. */
  @Workflow
  public void relay(String destinationId, Receipt receipt, String topic) {
    DBOS.send(destinationId, receipt, topic);
  }

  /**
   * Takes the path of patch {@code faster-path}, starts two {@link #echo} children ({@code <ID>-a}
   * and {@code <ID>-b}) and returns the ID of the first to finish, as {@code DBOS.waitFirst} chose
   * it: the operations DBOS records as {@code DBOS.patch-faster-path} and {@code DBOS.waitFirst}.
   */
  @Workflow
  public String patchedRace() {
    if (!DBOS.patch("faster-path")) {
      return "the old path";
    }
    WorkflowHandle<String> a = DBOS.startWorkflow(() -> echo("a"), StartOptions.id(DBOS.workflowId() + "-a"));
    WorkflowHandle<String> b = DBOS.startWorkflow(() -> echo("b"), StartOptions.id(DBOS.workflowId() + "-b"));
    return DBOS.waitFirst(List.of(a, b)).workflowId();
  }

  @Workflow
  public String echo(String text) {
    return text;
  }

  private static String take(String topic) {
    return DBOS.recv(topic, WAIT, String.class)
        .orElseThrow(() -> new IllegalStateException("no message arrived on topic " + topic));
  }
}
