package io.dbosj.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster of the suite's own (trust authentication on 127.0.0.1, a free port,
 * a temporary data directory) that the outage scenario restarts and stops. {@link #close()}, and a
 * shutdown hook should the run be cut short, stop it and delete its directory. Run as root, the
 * server's commands run as user {@code postgres}.
 */
final class PostgresCluster implements AutoCloseable {
  private final Path bin;
  private final Path directory;
  private final Path data;
  private final int port;
  private final Thread reaper;

  private PostgresCluster(Path bin, Path directory, int port) {
    this.bin = bin;
    this.directory = directory;
    this.data = directory.resolve("data");
    this.port = port;
    this.reaper = new Thread(this::destroy, "dbos-faults-cluster-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Creates the cluster on the first free port from {@code firstPort}; does not start it. */
  static PostgresCluster create(Path bin, int firstPort) throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("dbosj-faults-pg-");
    PostgresCluster cluster = new PostgresCluster(bin, directory, freePort(firstPort));
    if (isRoot()) {
      run(List.of("chown", "-R", "postgres:postgres", directory.toString()));
    }
    cluster.pg("initdb", "-D", cluster.data.toString(), "-A", "trust", "-U", "postgres", "--no-sync");
    return cluster;
  }

  PostgresServer server() {
    return new PostgresServer("127.0.0.1", port, "postgres", "postgres", "postgres");
  }

  int port() {
    return port;
  }

  void start() throws IOException, InterruptedException {
    pg("pg_ctl", "-D", data.toString(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
        "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1", "start");
  }

  /** A fast restart: connections are terminated ({@code 57P01}), the server is back when this returns. */
  void restart() throws IOException, InterruptedException {
    pg("pg_ctl", "-D", data.toString(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
        "-m", "fast", "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1", "restart");
  }

  void stop() throws IOException, InterruptedException {
    pg("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "-m", "fast", "stop");
  }

  @Override
  public void close() {
    destroy();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private void destroy() {
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        pg("pg_ctl", "-D", data.toString(), "-w", "-t", "30", "-m", "immediate", "stop");
      }
    } catch (IOException | InterruptedException | IllegalStateException e) {
      System.err.println("dbos-faults: could not stop the cluster in " + directory + ": " + e.getMessage());
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("dbos-faults: could not delete " + directory + ": " + e.getMessage());
    }
  }

  private void pg(String program, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    run(command);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Path output = Files.createTempFile("dbosj-faults-cmd-", ".log");
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " took over 90 s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": "
            + Files.readString(output));
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort(int first) throws IOException {
    for (int port = first; port < first + 100; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try the next
      }
    }
    throw new IOException("no free port in " + first + ".." + (first + 99));
  }
}
