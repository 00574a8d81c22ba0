package io.dbosj.tests.crash;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import java.nio.file.Path;

/**
 * The program the message crash tests run in a child JVM: {@code MessagesCrashApp <systemDbUrl>
 * <workflowId> <sideEffectFile> <holdFile> consume|wait|recover}. {@code consume} starts {@link
 * ReceivingWorkflow#consumeTwo} on topic "orders", {@code wait} starts {@link
 * ReceivingWorkflow#waitFor} on topic "never" for 10 s, {@code recover} only launches, letting recovery
 * finish the workflow. Each prints the workflow's result.
 */
public final class MessagesCrashApp {
  /** The timeout of the recv that {@code wait} starts. */
  public static final long WAIT_MILLIS = 10_000;

  private MessagesCrashApp() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String workflowId = args[1];
    Path sideEffects = Path.of(args[2]);
    Path hold = Path.of(args[3]);
    String mode = args[4];
    try (DBOS dbos =
        DBOS.builder()
            .appName("messages-crash-test")
            .systemDatabaseUrl(url)
            .configFile(sideEffects.resolveSibling("absent.yaml"))
            .build()) {
      ReceivingWorkflowDurable workflow = new ReceivingWorkflowDurable(dbos, sideEffects, hold);
      dbos.launch();
      String result =
          switch (mode) {
            case "consume" -> workflow.start(StartOptions.id(workflowId)).consumeTwo("orders").getResult();
            case "wait" -> workflow.start(StartOptions.id(workflowId)).waitFor("never", WAIT_MILLIS).getResult();
            default -> dbos.<String>retrieveWorkflow(workflowId).getResult();
          };
      System.out.println("RESULT: " + result);
    }
  }
}
