package io.dbosj.internal.runtime;

import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.codegen.DurableMethod;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.exec.DispatchedCalls;
import io.dbosj.internal.exec.RegisteredInstance;
import io.dbosj.internal.exec.WorkflowExecutor;
import io.dbosj.internal.schedule.CronSchedule;
import io.dbosj.internal.schedule.ScheduledWorkflow;
import io.dbosj.internal.serde.JsonCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code @Scheduled} workflows of the registered objects, each starting its ticks here. */
final class ScheduleTicks {
  private ScheduleTicks() {}

  static List<ScheduledWorkflow> of(
      List<RegisteredInstance<?>> instances, WorkflowExecutor executor, WorkflowStore workflows, JsonCodec json) {
    List<ScheduledWorkflow> schedules = new ArrayList<>();
    for (RegisteredInstance<?> instance : instances) {
      for (DurableMethod<?> method : instance.type().methods()) {
        DurableMethod.Schedule schedule = method.schedule();
        if (schedule != null) {
          DurableClass.Entry<?> entry = instance.entry(method.name());
          schedules.add(
              new ScheduledWorkflow(
                  idPrefix(instance, method),
                  CronSchedule.parse(schedule.cron(), schedule.zone()),
                  schedule.maxCatchUp(),
                  new Ticks(instance, entry, executor, workflows, json)));
        }
      }
    }
    return schedules;
  }

  private static String idPrefix(RegisteredInstance<?> instance, DurableMethod<?> method) {
    String owner = instance.className() + (instance.instanceName().isEmpty() ? "" : "/" + instance.instanceName());
    return "sched-" + owner + "." + method.name() + "-";
  }

  private record Ticks(
      RegisteredInstance<?> instance,
      DurableClass.Entry<?> entry,
      WorkflowExecutor executor,
      WorkflowStore workflows,
      JsonCodec json)
      implements ScheduledWorkflow.Ticks {

    @Override
    public void start(String workflowId, Instant scheduled, Instant actual) {
      // only the process whose insert records the tick runs it
      executor.startNew(DispatchedCalls.capture(instance, entry, new Object[] {scheduled, actual}), workflowId);
    }

    @Override
    public Optional<Instant> last(String idPrefix) {
      return workflows
          .lastInputs(instance.className(), instance.instanceName(), entry.method().name(), idPrefix)
          .map(inputs -> (Instant) json.decodeArguments(entry.method(), inputs.serialization(), inputs.text())[0]);
    }
  }
}
