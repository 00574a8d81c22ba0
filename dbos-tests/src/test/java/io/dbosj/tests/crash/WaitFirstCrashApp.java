package io.dbosj.tests.crash;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import java.nio.file.Path;

/**
 * The program the waitFirst crash test runs in a child JVM: {@code WaitFirstCrashApp <systemDbUrl>
 * <folder> start|recover}. {@code start} starts {@link Chooser#choose} as {@code chooser};
 * {@code recover} only launches, letting recovery finish it. Both print its result.
 */
public final class WaitFirstCrashApp {
  private WaitFirstCrashApp() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[1]);
    try (DBOS dbos =
        DBOS.builder()
            .appName("wait-first-crash-test")
            .systemDatabaseUrl(args[0])
            .configFile(folder.resolve("absent.yaml"))
            .build()) {
      ChooserDurable chooser = new ChooserDurable(dbos, folder);
      dbos.launch();
      String result =
          args[2].equals("start")
              ? chooser.start(StartOptions.id("chooser")).choose().getResult()
              : dbos.<String>retrieveWorkflow("chooser").getResult();
      System.out.println("RESULT: " + result);
    }
  }
}
