package com.example;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import io.dbosj.internal.runtime.DurableObject;
import javax.annotation.processing.Generated;

/**
 * Durable {@link Archive}: its workflows and steps are recorded through {@code DBOS}.
 * Written by io.dbosj's annotation processor; edit {@link Archive} instead.
 */
@Generated("io.dbosj.processor.DurableProcessor")
@Deprecated
public final class ArchiveDurable extends Archive {
  private static final DurableMethod<Void> COMPACT = DurableMethod.workflow("compact", TypeToken.of(void.class));

  private static final DurableClass<ArchiveDurable> CLASS = DurableClass.<ArchiveDurable>builder("com.example.Archive")
      .add(COMPACT, (self, args) -> self.compact())
      .build();

  private final DurableObject durable;

  public ArchiveDurable(DBOS dbos) {
    super();
    this.durable = DurableObject.register(dbos, this, CLASS, "");
  }

  public ArchiveDurable(String instanceName, DBOS dbos) {
    super();
    this.durable = DurableObject.register(dbos, this, CLASS, instanceName);
  }

  @Override
  public void compact() {
    this.durable.workflow(COMPACT, new Object[] {}, () -> {
      super.compact();
      return null;
    });
  }

  /**
   * Starts a workflow of this object in the background, e.g.
   * {@code start(StartOptions.id("order-42")).compact(...)}, and returns its handle once it is
   * durably recorded. A step started this way runs as a workflow of that one step.
   */
  public Starter start(StartOptions options) {
    return new Starter(options);
  }

  /**
   * Enqueues a workflow of this object on {@code queue}, e.g.
   * {@code enqueue(queue).compact(...)}, and returns its handle once it is durably recorded.
   */
  public Starter enqueue(Queue queue) {
    return new Starter(StartOptions.defaults().queue(queue));
  }

  /**
   * The workflows and steps of {@link Archive}, each started or enqueued in the background,
   * returning a handle.
   */
  public final class Starter {
    private final StartOptions options;

    private Starter(StartOptions options) {
      this.options = options;
    }

    public WorkflowHandle<Void> compact() {
      return ArchiveDurable.this.durable.start(this.options, COMPACT, new Object[] {}, () -> {
        ArchiveDurable.super.compact();
        return null;
      });
    }
  }
}
