package io.dbosj.examples.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an example's main class in its own JVM in a working directory, as a user would. */
public final class ExampleProcess {
  private ExampleProcess() {}

  /** The program's output after it exited with status 0. */
  public static String run(Class<?> main, Path workDir, String... args)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // sqlite-jdbc loads its native library: JDK 24+ warns unless native access is enabled
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(main.getSimpleName() + " did not finish:\n" + output);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(main.getSimpleName() + " exited with " + process.exitValue() + ":\n" + output);
    }
    return output;
  }
}
