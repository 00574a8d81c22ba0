package io.dbosj.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running {@link ChildMain} on this JVM's class path, its stdout and stderr in a log
 * file. Every child ever started is killed by a shutdown hook if still alive, so a failing or
 * interrupted run leaves no process behind.
 */
final class ChildJvm implements AutoCloseable {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
        "dbos-faults-child-reaper"));
  }

  private final String name;
  private final Path log;
  private final Process process;

  private ChildJvm(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  /** Starts {@code ChildMain args...}; its output goes to {@code log}. */
  static ChildJvm start(String name, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // sqlite-jdbc loads its native library; JDK 24+ warns on stderr unless native access is enabled
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ChildMain.class.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .start();
    LIVE.add(process);
    return new ChildJvm(name, log, process);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits until the log has a line starting with {@code prefix} (written after this child started)
   * and returns it; fails if the child dies first or the deadline passes.
   */
  String await(String prefix, long timeoutMillis) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      String found = findLine(prefix);
      if (found != null) {
        return found;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited (" + process.exitValue() + ") before printing "
            + prefix + "; see " + log);
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(name + " printed no " + prefix + " within "
            + timeoutMillis + " ms; see " + log);
      }
      Thread.sleep(50);
    }
  }

  /** The last line of the log starting with {@code prefix}, or null. */
  String findLine(String prefix) throws IOException {
    String found = null;
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.startsWith(prefix)) {
        found = line;
      }
    }
    return found;
  }

  /** {@link #findLine} for a poll that cannot throw: null when the log cannot be read. */
  String findLineQuietly(String prefix) {
    try {
      return findLine(prefix);
    } catch (IOException e) {
      return null;
    }
  }

  /** SIGKILL; returns once the process is gone. Returns whether it was still alive. */
  boolean kill() throws InterruptedException {
    boolean wasAlive = process.isAlive();
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " survived SIGKILL for 30 s");
    }
    LIVE.remove(process);
    return wasAlive;
  }

  /** Waits up to {@code timeoutMillis} for the child to exit by itself. */
  boolean awaitExit(long timeoutMillis) throws InterruptedException {
    return process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** Kills the child if it is still alive. */
  @Override
  public void close() {
    try {
      kill();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
