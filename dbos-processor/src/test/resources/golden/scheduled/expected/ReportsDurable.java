package com.example;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.codegen.TypeToken;
import io.dbosj.internal.runtime.DurableObject;
import java.time.Instant;
import javax.annotation.processing.Generated;

/**
 * Durable {@link Reports}: its workflows and steps are recorded through {@code DBOS}.
 * Written by io.dbosj's annotation processor; edit {@link Reports} instead.
 */
@Generated("io.dbosj.processor.DurableProcessor")
public final class ReportsDurable extends Reports {
  private static final DurableMethod<Void> EVERY_FIVE_SECONDS = DurableMethod.workflow("everyFiveSeconds", TypeToken.of(void.class))
      .param("scheduledTime", TypeToken.of(Instant.class))
      .param("actualTime", TypeToken.of(Instant.class))
      .scheduled("*/5 * * * * *");

  private static final DurableMethod<Void> WEEKDAY_MORNING = DurableMethod.workflow("weekday", TypeToken.of(void.class))
      .param("scheduledTime", TypeToken.of(Instant.class))
      .param("actualTime", TypeToken.of(Instant.class))
      .scheduled("0 9 * * MON-FRI")
      .zone("Europe/Paris")
      .maxCatchUp(3);

  private static final DurableClass<ReportsDurable> CLASS = DurableClass.<ReportsDurable>builder("com.example.Reports")
      .add(EVERY_FIVE_SECONDS, (self, args) -> self.everyFiveSeconds((Instant) args[0],
          (Instant) args[1]))
      .add(WEEKDAY_MORNING, (self, args) -> self.weekdayMorning((Instant) args[0],
          (Instant) args[1]))
      .build();

  private final DurableObject durable;

  public ReportsDurable(DBOS dbos) {
    super();
    this.durable = DurableObject.register(dbos, this, CLASS, "");
  }

  public ReportsDurable(String instanceName, DBOS dbos) {
    super();
    this.durable = DurableObject.register(dbos, this, CLASS, instanceName);
  }

  @Override
  public void everyFiveSeconds(Instant scheduledTime, Instant actualTime) {
    this.durable.workflow(EVERY_FIVE_SECONDS, new Object[] {scheduledTime, actualTime}, () -> {
      super.everyFiveSeconds(scheduledTime, actualTime);
      return null;
    });
  }

  @Override
  public void weekdayMorning(Instant scheduledTime, Instant actualTime) {
    this.durable.workflow(WEEKDAY_MORNING, new Object[] {scheduledTime, actualTime}, () -> {
      super.weekdayMorning(scheduledTime, actualTime);
      return null;
    });
  }

  /**
   * Starts a workflow of this object in the background, e.g.
   * {@code start(StartOptions.id("order-42")).everyFiveSeconds(...)}, and returns its handle once it is
   * durably recorded. A step started this way runs as a workflow of that one step.
   */
  public Starter start(StartOptions options) {
    return new Starter(options);
  }

  /**
   * Enqueues a workflow of this object on {@code queue}, e.g.
   * {@code enqueue(queue).everyFiveSeconds(...)}, and returns its handle once it is durably recorded.
   */
  public Starter enqueue(Queue queue) {
    return new Starter(StartOptions.defaults().queue(queue));
  }

  /**
   * The workflows and steps of {@link Reports}, each started or enqueued in the background,
   * returning a handle.
   */
  public final class Starter {
    private final StartOptions options;

    private Starter(StartOptions options) {
      this.options = options;
    }

    public WorkflowHandle<Void> everyFiveSeconds(Instant scheduledTime, Instant actualTime) {
      return ReportsDurable.this.durable.start(this.options, EVERY_FIVE_SECONDS, new Object[] {scheduledTime, actualTime}, () -> {
        ReportsDurable.super.everyFiveSeconds(scheduledTime, actualTime);
        return null;
      });
    }

    public WorkflowHandle<Void> weekdayMorning(Instant scheduledTime, Instant actualTime) {
      return ReportsDurable.this.durable.start(this.options, WEEKDAY_MORNING, new Object[] {scheduledTime, actualTime}, () -> {
        ReportsDurable.super.weekdayMorning(scheduledTime, actualTime);
        return null;
      });
    }
  }
}
