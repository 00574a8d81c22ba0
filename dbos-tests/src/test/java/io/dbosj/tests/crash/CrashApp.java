package io.dbosj.tests.crash;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import java.nio.file.Path;

/**
 * The program the crash test runs in a child JVM: {@code CrashApp <systemDbUrl> <workflowId>
 * <sideEffectFile> <holdFile> start|recover}. {@code start} starts the workflow; {@code recover}
 * only launches, letting recovery finish it. Both print the workflow's result.
 */
public final class CrashApp {
  private CrashApp() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String workflowId = args[1];
    Path sideEffects = Path.of(args[2]);
    Path hold = Path.of(args[3]);
    boolean start = args[4].equals("start");
    try (DBOS dbos =
        DBOS.builder()
            .appName("crash-test")
            .systemDatabaseUrl(url)
            .configFile(sideEffects.resolveSibling("absent.yaml"))
            .build()) {
      CrashingWorkflowDurable workflow = new CrashingWorkflowDurable(dbos, sideEffects, hold);
      dbos.launch();
      String result =
          start
              ? workflow.start(StartOptions.id(workflowId)).run(4).getResult()
              : dbos.<String>retrieveWorkflow(workflowId).getResult();
      System.out.println("RESULT: " + result);
    }
  }
}
