package io.dbosj.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bench's child JVMs: {@code pending} leaves workflows PENDING and waits to be killed (W4);
 * {@code launch} measures the first {@code launch()} in a new JVM (W6); {@code pong} runs the pong
 * workflows of W8's ping-pong across JVMs ({@link PongProcess}). Talks to the parent by printing
 * lines.
 */
public final class Child {
  /** The subject that stands for W6's floor ({@link FloorLaunch}) where a child takes an engine's name. */
  static final String FLOOR = "FLOOR";

  private Child() {}

  public static void main(String[] args) throws Exception {
    String url = args[2];
    BenchDatabases databases = new BenchDatabases(args[3]);
    switch (args[0]) {
      case "pending" -> {
        Engine engine = Engine.valueOf(args[1]);
        int count = Integer.parseInt(args[4]);
        Gate.closed = true;
        Subject subject = engine.open(databases, url);
        subject.startStuck(count);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (databases.countStatus(url, "PENDING") < count) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("not all " + count + " workflows became PENDING");
          }
          Thread.sleep(20);
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // the parent kills this JVM
      }
      case "launch" -> {
        double millis = args[1].equals(FLOOR)
            ? FloorLaunch.launchMillis(databases, url)
            : Engine.valueOf(args[1]).launchMillis(databases, url);
        System.out.println("LAUNCH " + millis);
        System.out.flush();
        System.exit(0);
      }
      case "pong" -> {
        try (WorkflowMessaging subject = WorkflowMessaging.open(Engine.valueOf(args[1]), databases, url)) {
          PongProcess.serve(subject);
        }
        System.exit(0);
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /**
   * Starts a child JVM on this JVM's class path, measuring {@code subject} (an {@link Engine}'s name,
   * or {@link #FLOOR}); its stderr goes to ours.
   */
  static Process start(String mode, String subject, String url, String adminUrl, String... more) throws Exception {
    return start(List.of(), mode, subject, url, adminUrl, more);
  }

  /** {@link #start(String, String, String, String, String...)} with these options for the child JVM. */
  static Process start(List<String> jvmOptions, String mode, String subject, String url, String adminUrl,
      String... more) throws Exception {
    return start(jvmOptions, ProcessBuilder.Redirect.from(new File("/dev/null")), mode, subject, url, adminUrl, more);
  }

  /** {@link #start(List, String, String, String, String, String...)} with the child's stdin from {@code input}. */
  static Process start(List<String> jvmOptions, ProcessBuilder.Redirect input, String mode, String subject, String url,
      String adminUrl, String... more) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // sqlite-jdbc loads its native library; JDK 24+ warns on stderr unless native access is enabled
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Child.class.getName());
    command.add(mode);
    command.add(subject);
    command.add(url);
    command.add(adminUrl);
    command.addAll(List.of(more));
    return new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .redirectInput(input)
        .start();
  }

  /** Reads lines of {@code child} until one starts with {@code prefix}; returns it. */
  static String await(Process child, String prefix) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    child.waitFor(10, TimeUnit.SECONDS);
    throw new IllegalStateException("child JVM ended (exit " + (child.isAlive() ? "?" : child.exitValue())
        + ") without printing " + prefix);
  }
}
