package io.dbosj.tests.crash;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import java.nio.file.Path;

/**
 * The program the stream crash test runs in a child JVM: {@code StreamCrashApp <systemDbUrl>
 * <workflowId> <holdFile> start|recover}. {@code start} starts {@link StreamingWorkflow#countTo}
 * writing 0 to 5 to stream "progress", pausing after 2; {@code recover} only launches, letting
 * recovery finish it. Both print the workflow's result.
 */
public final class StreamCrashApp {
  private StreamCrashApp() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String workflowId = args[1];
    Path hold = Path.of(args[2]);
    boolean start = args[3].equals("start");
    try (DBOS dbos =
        DBOS.builder()
            .appName("stream-crash-test")
            .systemDatabaseUrl(url)
            .configFile(hold.resolveSibling("absent.yaml"))
            .build()) {
      StreamingWorkflowDurable workflow = new StreamingWorkflowDurable(dbos, hold);
      dbos.launch();
      String result =
          start
              ? workflow.start(StartOptions.id(workflowId)).countTo("progress", 6, 2).getResult()
              : dbos.<String>retrieveWorkflow(workflowId).getResult();
      System.out.println("RESULT: " + result);
    }
  }
}
