package io.dbosj.internal.config;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the shell commands a {@code dbos-config.yaml} lists, one after the other, in the file's
 * directory.
 *
 * <p>A command sees the environment this program was started with, plus what the caller adds,
 * and nothing of this program's own class path: {@code java -jar target/app.jar} runs the user's
 * application with the user's dependencies, not the CLI's. When {@code JAVA_HOME} is set, its
 * {@code bin} comes first on {@code PATH}, so {@code java} in a command is the JDK the user chose.
 */
public final class ShellCommands {
  private static final int STOP_WAIT_SECONDS = 30;

  private ShellCommands() {}

  /**
   * Runs {@code commands} in order and returns the exit status of the first that fails, or 0.
   * While one runs, stopping this JVM (Ctrl+C, SIGTERM) stops it and what it started too, waits
   * for them to exit, and prints one line, {@code "<label>: stopped"}.
   */
  public static int run(List<String> commands, File directory, Map<String, String> environment, String label)
      throws IOException, InterruptedException {
    for (String command : commands) {
      System.out.println(label + ": running " + command);
      ProcessBuilder builder = new ProcessBuilder(shell(command)).directory(directory).inheritIO();
      builder.environment().putAll(environment);
      javaHomeFirstOnPath(builder.environment());
      Process process = builder.start();
      Thread stopChild =
          new Thread(
              () -> {
                stop(process, label);
                System.out.println(label + ": stopped");
              },
              "stop " + command);
      Runtime.getRuntime().addShutdownHook(stopChild);
      int exit = process.waitFor();
      try {
        Runtime.getRuntime().removeShutdownHook(stopChild);
      } catch (IllegalStateException shuttingDown) {
        // this JVM is stopping and its hook stopped the command: the hook reports it, not as a failure
        return exit;
      }
      if (exit != 0) {
        System.err.println(label + ": '" + command + "' exited with status " + exit);
        return exit;
      }
    }
    return 0;
  }

  /**
   * Asks the command and every process it started to stop, as {@code kill} would, and waits for
   * them to finish stopping. The shell alone is not enough: it does not pass the signal on, and
   * the program it started would run on without anyone to stop it.
   */
  private static void stop(Process process, String label) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        System.err.println(label + ": process " + handle.pid() + " did not stop within " + STOP_WAIT_SECONDS + " s");
      }
    }
  }

  /** Puts {@code $JAVA_HOME/bin} first on {@code PATH}, when {@code JAVA_HOME} is set. */
  static void javaHomeFirstOnPath(Map<String, String> environment) {
    String javaHome = environment.get("JAVA_HOME");
    if (javaHome == null || javaHome.isBlank()) {
      return;
    }
    String bin = new File(javaHome, "bin").getPath();
    String path = environment.get("PATH");
    environment.put("PATH", path == null || path.isEmpty() ? bin : bin + File.pathSeparator + path);
  }

  private static List<String> shell(String command) {
    return System.getProperty("os.name").startsWith("Windows")
        ? List.of("cmd", "/c", command)
        : List.of("sh", "-c", command);
  }
}
