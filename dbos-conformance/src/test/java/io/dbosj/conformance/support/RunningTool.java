package io.dbosj.conformance.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A tool started in its own process that runs while the test talks to it: {@link #finished}
 * waits for its end and gives its output; {@link #close} kills it if it is still running, so a
 * failed test leaves no process behind.
 */
public final class RunningTool implements AutoCloseable {
  private final String command;
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private RunningTool(String command, Process process, Path stdout, Path stderr) {
    this.command = command;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static RunningTool start(Path directory, List<String> command) throws IOException {
    Path stdout = Files.createTempFile("dbosj-conformance", ".stdout");
    Path stderr = Files.createTempFile("dbosj-conformance", ".stderr");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    // the tools take the database from their flags only, never from the caller's environment
    builder.environment().keySet().removeIf(name -> name.startsWith("DBOS_"));
    return new RunningTool(Processes.masked(command), builder.start(), stdout, stderr);
  }

  /** Waits for the tool to end, at most {@code timeoutSeconds}; what it left. */
  public ToolOutput finished(long timeoutSeconds) throws IOException, InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("`" + command + "` did not end in " + timeoutSeconds + " s; so far:\n" + output(-1));
    }
    return output(process.exitValue());
  }

  /** Whether the tool is still running: a test checks it while it waits for the tool to get ready. */
  public boolean alive() {
    return process.isAlive();
  }

  /** What the tool has printed so far, for a failure message. */
  public String printed() {
    try {
      return output(process.isAlive() ? -1 : process.exitValue()).toString();
    } catch (IOException e) {
      return e.toString();
    }
  }

  private ToolOutput output(int exit) throws IOException {
    return new ToolOutput(command, exit, Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      try {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Files.deleteIfExists(stdout);
    Files.deleteIfExists(stderr);
  }
}
