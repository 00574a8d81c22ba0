package io.dbosj.faults;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.WorkflowHandle;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Transaction;
import io.dbosj.annotation.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * The mixed workload of the kill and outage scenarios: step chains, queue fan-outs and
 * transactions. Every step is a ledger effect between two sleeps, so a kill can land before the
 * effect (nothing to repeat), between the effect and its checkpoint (a re-run is allowed), or after
 * the checkpoint (a re-run is a duplicate). Each workflow returns its steps' tokens.
 */
public class MixedWorkload {
  /** The fan-outs' queue. */
  static final Queue TASKS = Queue.of("faults-tasks").concurrency(4);
  /** The table the transactions insert into; one row per committed transaction. */
  static final String TX_TABLE = "fault_tx";

  private final Ledger ledger;
  private final int stepMillis;

  public MixedWorkload(Ledger ledger, int stepMillis) {
    this.ledger = ledger;
    this.stepMillis = stepMillis;
  }

  @Step
  public String effect(String key) throws InterruptedException {
    Thread.sleep(stepMillis / 2);
    String token = ledger.record(key);
    Thread.sleep(stepMillis - stepMillis / 2);
    return token;
  }

  @Transaction
  public String insertRow(String key) {
    String token = Ledger.newToken();
    DBOS.sql().insertInto(table(name(TX_TABLE)))
        .set(field(name("k")), key)
        .set(field(name("token")), token)
        .execute();
    return token;
  }

  @Workflow
  public String chain(String id, int steps) throws InterruptedException {
    StringBuilder tokens = new StringBuilder();
    for (int i = 0; i < steps; i++) {
      tokens.append(effect(id + "/" + i)).append(' ');
    }
    return tokens.toString();
  }

  @Workflow
  public String fanOut(String id, int tasks) {
    List<WorkflowHandle<String>> handles = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      String key = id + "/task" + i;
      handles.add(TASKS.enqueue(() -> effect(key)));
    }
    StringBuilder tokens = new StringBuilder();
    for (WorkflowHandle<String> handle : handles) {
      tokens.append(handle.getResult()).append(' ');
    }
    return tokens.toString();
  }

  @Workflow
  public String withTransaction(String id) throws InterruptedException {
    return effect(id + "/0") + " " + insertRow(id + "/tx") + " " + effect(id + "/2");
  }
}
