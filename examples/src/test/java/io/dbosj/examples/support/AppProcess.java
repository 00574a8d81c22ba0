package io.dbosj.examples.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** A web example running in its own JVM, as a person runs it: its output, requests, signals. */
public final class AppProcess {
  private final Process process;
  private final int port;
  private final StringBuffer output = new StringBuffer();

  private AppProcess(Process process, int port) {
    this.process = process;
    this.port = port;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  output.append(line).append('\n');
                }
              } catch (IOException e) {
                output.append("(output lost: ").append(e).append(")\n");
              }
            });
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code main} in {@code workDir} on a free port and waits until it listens. */
  public static AppProcess start(Class<?> main, Path workDir, String... args) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    AppProcess app = new AppProcess(builder.start(), port);
    app.awaitOutput(text -> text.contains("Listening on http://localhost:" + port), 60);
    return app;
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

  public String output() {
    return output.toString();
  }

  /** How many lines of the output are exactly {@code line}. */
  public static long count(String output, String line) {
    return output.lines().filter(line::equals).count();
  }
}
