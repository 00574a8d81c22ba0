package io.dbosj.internal.exec;

import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.db.StatusRow;
import io.dbosj.internal.db.WorkflowStore;
import io.dbosj.internal.serde.JsonCodec;
import io.dbosj.internal.serde.Serialization;
import io.dbosj.internal.serde.Sneaky;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a recorded workflow row back into the call it records, through the generated dispatch
 * tables: how recovery, queue runners and schedules start workflows. No reflection is involved.
 */
public final class DispatchedCalls {
  private static final Logger log = LoggerFactory.getLogger(DispatchedCalls.class);

  /** A recorded workflow whose inputs do not fit the registered method's parameters. */
  public static final class UndecodableInputs extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UndecodableInputs(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Registry registry;
  private final JsonCodec json;
  private final WorkflowStore workflows;
  private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

  public DispatchedCalls(Registry registry, JsonCodec json, WorkflowStore workflows) {
    this.registry = registry;
    this.json = json;
    this.workflows = workflows;
  }

  /**
   * The call {@code row} records; {@code null}, logged once per method, if no registered object
   * provides it (a process that has the code will run it).
   *
   * @throws UndecodableInputs naming the workflow and method, if its recorded inputs do not fit
   */
  public DurableCall<?> callOf(StatusRow row) {
    DurableClass.Entry<?> entry = entryOf(row);
    if (entry == null) {
      return null;
    }
    Object[] args;
    try {
      args = json.decodeArguments(entry.method(), row.serialization(), row.inputs());
    } catch (RuntimeException e) {
      throw new UndecodableInputs(
          "the recorded inputs of workflow " + row.workflowId() + " do not fit " + entry.method() + ": "
              + e.getMessage(),
          e);
    }
    if (isForeign(row.serialization())) {
      adopt(row, entry, args);
    }
    return capture(registry.find(row.className(), row.instanceName()), entry, args);
  }

  /** Whether the row's format is another SDK's: neither DBOS's portable one nor this project's earlier {@code json}. */
  private static boolean isForeign(String serialization) {
    return !Serialization.PORTABLE_JSON.equals(serialization) && !Serialization.LEGACY_JSON.equals(serialization);
  }

  /**
   * Re-records a foreign row's decoded inputs as {@code portable_json}, so the output and error
   * written later are in the format the row names. If they cannot be written so, the workflow
   * still runs, its row left as it was.
   */
  private void adopt(StatusRow row, DurableClass.Entry<?> entry, Object[] args) {
    try {
      String portable = json.encodeArguments(row.className(), entry.method(), args);
      workflows.adoptInputs(row.workflowId(), row.serialization(), portable, System.currentTimeMillis());
    } catch (RuntimeException e) {
      log.warn(
          "workflow {}: its {} inputs could not be recorded again as portable_json; its row keeps them as"
              + " written: {}",
          row.workflowId(), row.serialization(), e.toString());
    }
  }

  /** The most recovery attempts the method {@code row} records allows, or {@code null} if it is unknown here. */
  public Integer maxRecoveryAttempts(StatusRow row) {
    DurableClass.Entry<?> entry = entryOf(row);
    return entry == null ? null : entry.method().maxRecoveryAttempts();
  }

  private DurableClass.Entry<?> entryOf(StatusRow row) {
    RegisteredInstance<?> instance = registry.find(row.className(), row.instanceName());
    DurableClass.Entry<?> entry = instance == null ? null : instance.entry(row.name());
    if (entry == null) {
      String what = row.className() + "." + row.name() + " (instance '" + row.instanceName() + "')";
      if (reportedMissing.add(what)) {
        log.warn(
            "cannot run workflow {}: no registered durable object provides {}; leaving it {}"
                + " for a process that has that code",
            row.workflowId(),
            what,
            row.status());
      }
    }
    return entry;
  }

  /** The call {@code entry} makes on {@code instance} with {@code args}, captured, not run. */
  @SuppressWarnings("unchecked")
  public static <T> DurableCall<?> capture(RegisteredInstance<T> instance, DurableClass.Entry<?> entry, Object[] args) {
    DurableClass.Entry<T> typed = (DurableClass.Entry<T>) entry;
    return CurrentContext.captureCall(
        () -> {
          try {
            instance.dispatch(typed, args);
          } catch (Throwable t) {
            throw Sneaky.rethrow(t);
          }
          return null;
        },
        "the dispatch of " + entry.method().name());
  }
}
