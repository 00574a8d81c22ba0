package io.dbosj.internal.config;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Runs the shell commands a {@code dbos-config.yaml} lists, one after the other, in the file's
 * directory, with this program's class path in {@code CLASSPATH} so {@code java some.Main} works.
 */
public final class ShellCommands {
  private ShellCommands() {}

  /**
   * Runs {@code commands} in order and returns the exit status of the first that fails, or 0.
   * While one runs, stopping this JVM stops it too.
   */
  public static int run(List<String> commands, File directory, Map<String, String> environment, String label)
      throws IOException, InterruptedException {
    for (String command : commands) {
      System.out.println(label + ": running " + command);
      ProcessBuilder builder = new ProcessBuilder(shell(command)).directory(directory).inheritIO();
      builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
      builder.environment().putAll(environment);
      Process process = builder.start();
      Thread stopChild = new Thread(process::destroy, "stop " + command);
      Runtime.getRuntime().addShutdownHook(stopChild);
      int exit = process.waitFor();
      try {
        Runtime.getRuntime().removeShutdownHook(stopChild);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already stopping; the hook runs anyway
      }
      if (exit != 0) {
        System.err.println(label + ": '" + command + "' exited with status " + exit);
        return exit;
      }
    }
    return 0;
  }

  private static List<String> shell(String command) {
    return System.getProperty("os.name").startsWith("Windows")
        ? List.of("cmd", "/c", command)
        : List.of("sh", "-c", command);
  }
}
