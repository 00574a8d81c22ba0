package com.example;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import io.dbosj.internal.runtime.DurableObject;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Durable {@link Ledger}: its workflows and steps are recorded through {@code DBOS}.
 * Written by io.dbosj's annotation processor; edit {@link Ledger} instead.
 */
@Generated("io.dbosj.processor.DurableProcessor")
public final class LedgerDurable extends Ledger {
  private static final DurableMethod<Void> LEGACY_POST = DurableMethod.step("legacyPost", TypeToken.of(void.class))
      .param("entry", TypeToken.of(String.class));

  @SuppressWarnings("deprecation")
  private static final DurableMethod<List<OldEntry>> POST = DurableMethod.workflow("post", new TypeToken<List<OldEntry>>() {})
      .param("entry", TypeToken.of(OldEntry.class))
      .rebuilds(OldException.class, OldException::new);

  @SuppressWarnings("deprecation")
  private static final DurableMethod<Void> SETTLE = DurableMethod.step("settle", TypeToken.of(void.class))
      .param("account", TypeToken.of(String.class))
      .rebuilds(LedgerException.class, LedgerException::new);

  @SuppressWarnings("deprecation")
  private static final DurableClass<LedgerDurable> CLASS = DurableClass.<LedgerDurable>builder("com.example.Ledger")
      .add(LEGACY_POST, (self, args) -> self.legacyPost((String) args[0]))
      .add(POST, (self, args) -> self.post((OldEntry) args[0]))
      .add(SETTLE, (self, args) -> self.settle((String) args[0]))
      .build();

  private final DurableObject durable;

  public LedgerDurable(DBOS dbos) {
    super();
    this.durable = DurableObject.register(dbos, this, CLASS, "");
  }

  public LedgerDurable(String instanceName, DBOS dbos) {
    super();
    this.durable = DurableObject.register(dbos, this, CLASS, instanceName);
  }

  @Deprecated
  public LedgerDurable(DBOS dbos, int shard) {
    super(shard);
    this.durable = DurableObject.register(dbos, this, CLASS, "");
  }

  @Deprecated
  public LedgerDurable(String instanceName, DBOS dbos, int shard) {
    super(shard);
    this.durable = DurableObject.register(dbos, this, CLASS, instanceName);
  }

  @SuppressWarnings("deprecation")
  public LedgerDurable(DBOS dbos, OldEntry seed) {
    super(seed);
    this.durable = DurableObject.register(dbos, this, CLASS, "");
  }

  @SuppressWarnings("deprecation")
  public LedgerDurable(String instanceName, DBOS dbos, OldEntry seed) {
    super(seed);
    this.durable = DurableObject.register(dbos, this, CLASS, instanceName);
  }

  @Override
  @Deprecated
  public void legacyPost(String entry) {
    this.durable.step(LEGACY_POST, new Object[] {entry}, () -> {
      super.legacyPost(entry);
      return null;
    });
  }

  @Override
  @SuppressWarnings("deprecation")
  public List<OldEntry> post(OldEntry entry) throws OldException {
    return this.durable.workflow(POST, new Object[] {entry}, () -> super.post(entry));
  }

  @Override
  public void settle(String account) throws LedgerException {
    this.durable.step(SETTLE, new Object[] {account}, () -> {
      super.settle(account);
      return null;
    });
  }

  /**
   * Starts a workflow of this object in the background, e.g.
   * {@code start(StartOptions.id("order-42")).post(...)}, and returns its handle once it is
   * durably recorded. A step started this way runs as a workflow of that one step.
   */
  public Starter start(StartOptions options) {
    return new Starter(options);
  }

  /**
   * Enqueues a workflow of this object on {@code queue}, e.g.
   * {@code enqueue(queue).post(...)}, and returns its handle once it is durably recorded.
   */
  public Starter enqueue(Queue queue) {
    return new Starter(StartOptions.defaults().queue(queue));
  }

  /**
   * The workflows and steps of {@link Ledger}, each started or enqueued in the background,
   * returning a handle.
   */
  public final class Starter {
    private final StartOptions options;

    private Starter(StartOptions options) {
      this.options = options;
    }

    @Deprecated
    public WorkflowHandle<Void> legacyPost(String entry) {
      return LedgerDurable.this.durable.start(this.options, LEGACY_POST, new Object[] {entry}, () -> {
        LedgerDurable.super.legacyPost(entry);
        return null;
      });
    }

    @SuppressWarnings("deprecation")
    public WorkflowHandle<List<OldEntry>> post(OldEntry entry) {
      return LedgerDurable.this.durable.start(this.options, POST, new Object[] {entry},
          () -> LedgerDurable.super.post(entry));
    }

    public WorkflowHandle<Void> settle(String account) {
      return LedgerDurable.this.durable.start(this.options, SETTLE, new Object[] {account}, () -> {
        LedgerDurable.super.settle(account);
        return null;
      });
    }
  }
}
