package io.dbosj.internal.exec;

import java.util.Objects;

/**
 * {@code DBOS.patch} and {@code DBOS.deprecatePatch}, recorded as DBOS records them: a patch is
 * an operation named {@code DBOS.patch-<name>}, written by the first execution that reaches it.
 * An execution recorded before the patch existed has another operation at that position, so it
 * replays the old path; a new one records the marker and takes the new path. A deprecated patch
 * records nothing, and steps over a marker that older executions of the patched code wrote.
 */
public final class Patches {
  static final String PREFIX = "DBOS.patch-";

  private Patches() {}

  /** Whether this execution takes the patched path; see {@link Patches}. */
  public static boolean patch(String name) {
    WorkflowContext c = current("DBOS.patch", name);
    String marker = PREFIX + name;
    int functionId = c.peekOperation();
    var recorded = c.recorded(functionId);
    if (recorded != null) {
      if (!recorded.functionName().equals(marker)) {
        return false; // recorded before the patch: its operation here is the old code's
      }
      c.beginOperation();
      return true;
    }
    c.beginOperation();
    c.checkpointer().recordMarker(c, functionId, marker);
    return true;
  }

  /** Always {@code true}; steps over the patch's marker where an execution recorded one. */
  public static boolean deprecatePatch(String name) {
    WorkflowContext c = current("DBOS.deprecatePatch", name);
    var recorded = c.recorded(c.peekOperation());
    if (recorded != null && recorded.functionName().equals(PREFIX + name)) {
      c.beginOperation();
    }
    return true;
  }

  private static WorkflowContext current(String call, String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException(call + " needs a name, e.g. " + call + "(\"use-new-tax-table\")");
    }
    WorkflowContext c = CurrentContext.workflow();
    if (c == null) {
      throw new IllegalStateException(call + " is only available inside a @Workflow method");
    }
    if (c.currentStep() != null) {
      throw new IllegalStateException(
          call + "(\"" + name + "\") was called inside step " + c.currentStep() + " of workflow " + c.workflowId()
              + "; call it from the workflow body: a step is recorded as one operation and cannot branch the workflow");
    }
    return c;
  }
}
