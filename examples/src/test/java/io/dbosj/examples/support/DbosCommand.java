package io.dbosj.examples.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code dbos} command, {@code dbos-cli/bin/dbos} running {@code dbos-cli/target/dbos.jar}
 * (the reactor builds dbos-cli before this module), and the examples' {@code target/examples.jar}
 * that the tutorial's {@code dbos-config.yaml} runs.
 */
public final class DbosCommand {
  private DbosCommand() {}

  /** The result of a command that ran to its end. */
  public record Result(int exit, String output) {}

  /** {@code dbos-cli/bin/dbos}, checked to have its jar built. */
  public static Path script() {
    Path script = Path.of("..", "dbos-cli", "bin", "dbos").toAbsolutePath().normalize();
    Path jar = script.resolveSibling("../target/dbos.jar").normalize();
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(jar + " is missing: build through the reactor (./mvnw verify -pl examples -am)");
    }
    return script;
  }

  /**
   * A copy of the examples' folder {@code name} (tutorial, transactions) at {@code
   * root/examples/name}, with {@code root/examples/target/examples.jar} the jar this build made, so
   * the folder's {@code dbos-config.yaml} runs as it does in the repository.
   */
  public static Path copyOfFolder(String name, Path root) throws IOException {
    Path jar = Path.of("target", "examples.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(jar + " is missing: the *IT tests run after package (./mvnw verify)");
    }
    Path folder = Files.createDirectories(root.resolve("examples").resolve(name));
    Files.copy(Path.of(name, "dbos-config.yaml"), folder.resolve("dbos-config.yaml"));
    Path target = Files.createDirectories(root.resolve("examples").resolve("target"));
    try {
      Files.createLink(target.resolve("examples.jar"), jar); // not a symbolic link: JUnit warns on those
    } catch (IOException | UnsupportedOperationException otherFileSystem) {
      Files.copy(jar, target.resolve("examples.jar"));
    }
    return folder;
  }

  /** Runs {@code dbos args...} in {@code folder}, on this JVM's JDK as {@code JAVA_HOME}. */
  public static Result run(Path folder, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(script().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("dbos " + String.join(" ", args) + " did not finish:\n" + output);
    }
    return new Result(process.exitValue(), output);
  }
}
