package io.dbosj.tests.crash;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A workflow that waits for the first of two legs and then pauses, for the waitFirst crash test.
 * Each wait lasts while its hold file ({@code <name>.hold} in the folder given) exists.
 */
public class Chooser {
  private final Path folder;

  public Chooser(Path folder) {
    this.folder = folder;
  }

  private void holdWhile(String name) {
    try {
      while (Files.exists(folder.resolve(name + ".hold"))) {
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted holding " + name, e);
    }
  }

  /** Returns {@code name}, or fails if {@code fail}, once its hold file is gone. */
  @Workflow
  public String leg(String name, boolean fail) {
    holdWhile(name);
    if (fail) {
      throw new IllegalStateException("leg " + name + " failed");
    }
    return name;
  }

  @Step
  public void pause() {
    holdWhile("chooser");
  }

  /** Starts legs {@code leg-a} (which fails) and {@code leg-b}, and returns the ID of the first to finish. */
  @Workflow
  public String choose() {
    WorkflowHandle<String> a = DBOS.startWorkflow(() -> leg("a", true), StartOptions.id("leg-a"));
    WorkflowHandle<String> b = DBOS.startWorkflow(() -> leg("b", false), StartOptions.id("leg-b"));
    WorkflowHandle<String> first = DBOS.waitFirst(List.of(a, b));
    pause();
    return first.workflowId();
  }
}
