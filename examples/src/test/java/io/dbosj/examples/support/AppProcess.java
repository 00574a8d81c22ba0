package io.dbosj.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** A web example running in its own JVM, as a person runs it: its output, requests, signals. */
public final class AppProcess {
  private final Process process;
  private final int port;
  private final Path output;

  private AppProcess(Process process, int port, Path output) {
    this.process = process;
    this.port = port;
    this.output = output;
  }

  /** Starts {@code main} in {@code workDir} on a free port and waits until it listens. */
  public static AppProcess start(Class<?> main, Path workDir, String... args) throws Exception {
    return start(main, workDir, Map.of(), args);
  }

  /** As {@link #start(Class, Path, String...)}, with {@code environment} added to the app's. */
  public static AppProcess start(Class<?> main, Path workDir, Map<String, String> environment, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // sqlite-jdbc loads its native library: JDK 24+ warns unless native access is enabled
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return launch(command, workDir, environment);
  }

  /**
   * Runs {@code dbos start} (the real {@code dbos-cli/bin/dbos}, on this JVM's JDK as {@code
   * JAVA_HOME}) in {@code folder} on a free port, in a process group of its own as a terminal
   * would, and waits until the app it starts listens.
   */
  public static AppProcess dbosStart(Path folder) throws Exception {
    return launch(List.of("setsid", DbosCommand.script().toString(), "start"), folder, Map.of());
  }

  private static AppProcess launch(List<String> command, Path workDir, Map<String, String> environment)
      throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // a file, not a pipe: nothing of the output is lost to the race between reading a pipe and
    // the JDK closing it once the process has exited
    Path output = Files.createTempFile("app-output", ".txt");
    output.toFile().deleteOnExit();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    AppProcess app = new AppProcess(builder.start(), port, output);
    app.awaitOutput(text -> text.contains("Listening on http://localhost:" + port), 60);
    return app;
  }

  /** The port the app listens on. */
  public int port() {
    return port;
  }

  /** Every process this one started that is still running. */
  public List<ProcessHandle> descendants() {
    return process.descendants().toList();
  }

  /** Sends {@code GET path} in the background, with an idempotency key if given. */
  public CompletableFuture<HttpResponse<String>> get(String path, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(90));
    if (idempotencyKey != null) {
      request.header("dbos-idempotency-key", idempotencyKey);
    }
    return HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends {@code POST path} with {@code form} (a form body, {@code a=1&b=2}, as {@code curl -d}
   * sends it) and waits for the response.
   */
  public HttpResponse<String> post(String path, String form, String idempotencyKey) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(90))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (idempotencyKey != null) {
      request.header("dbos-idempotency-key", idempotencyKey);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until the output so far satisfies {@code condition}. */
  public void awaitOutput(Predicate<String> condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.test(output())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the app did not print what was expected in " + seconds + " s:\n" + output());
      }
      if (!process.isAlive() && !condition.test(output())) {
        Thread.sleep(200);
        if (!condition.test(output())) {
          throw new AssertionError("the app exited (" + process.exitValue() + "):\n" + output());
        }
      }
      Thread.sleep(20);
    }
  }

  /** Ctrl+C: SIGINT, then waits for the app and every process it started to exit. */
  public void interrupt() throws Exception {
    List<ProcessHandle> started = process.descendants().toList();
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    awaitExit(started);
  }

  /**
   * Ctrl+C in a terminal: SIGINT to the whole process group (started by {@link #dbosStart}),
   * then waits for every process in it to exit.
   */
  public void interruptGroup() throws Exception {
    List<ProcessHandle> started = process.descendants().toList();
    new ProcessBuilder("kill", "-INT", "--", "-" + process.pid()).start().waitFor();
    awaitExit(started);
  }

  /** SIGTERM, then waits for the app and every process it started to exit. */
  public void terminate() throws Exception {
    List<ProcessHandle> started = process.descendants().toList();
    process.destroy();
    awaitExit(started);
  }

  /** SIGKILL, as a crash of the machine would, to the app and every process it started. */
  public void kill() throws Exception {
    List<ProcessHandle> started = process.descendants().toList();
    started.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    awaitExit(started);
  }

  /** Waits for the app to exit, and fails if a process it had started is still running then. */
  private void awaitExit(List<ProcessHandle> started) throws Exception {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the app did not stop:\n" + output());
    }
    List<String> leftRunning = new ArrayList<>();
    for (ProcessHandle child : started) {
      try {
        child.onExit().get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        leftRunning.add(child.pid() + " " + child.info().commandLine().orElse("?"));
        child.destroyForcibly();
      }
    }
    if (!leftRunning.isEmpty()) {
      throw new AssertionError("the app exited but left running: " + leftRunning + "\n" + output());
    }
    Thread.sleep(200);
  }

  /** Everything the app (and what it started) printed so far, standard output and error. */
  public String output() {
    try {
      return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many lines of the output are exactly {@code line}. */
  public static long count(String output, String line) {
    return output.lines().filter(line::equals).count();
  }
}
