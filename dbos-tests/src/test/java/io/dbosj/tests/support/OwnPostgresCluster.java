package io.dbosj.tests.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster of one test's own (initdb into a temporary directory, trust
 * authentication, a free port), so the test can stop and restart a real server without touching
 * the shared one. Needs PostgreSQL's binaries and, run as root, the {@code postgres} user; the
 * test is skipped where they are missing.
 */
public final class OwnPostgresCluster implements AutoCloseable {
  private static final Path BIN = Path.of(System.getenv().getOrDefault("DBOSJ_TEST_POSTGRES_BIN", "/usr/lib/postgresql/15/bin"));

  private final Path dataDir;
  private final int port;

  private OwnPostgresCluster(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
  }

  /** Creates and starts a cluster, or skips the test if this machine cannot. */
  public static OwnPostgresCluster start() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(BIN.resolve("initdb")), "no PostgreSQL binaries at " + BIN);
    Path dir = Files.createTempDirectory("dbosj-own-pg");
    OwnPostgresCluster cluster = new OwnPostgresCluster(dir.resolve("data"), freePort());
    if (isRoot()) {
      run(List.of("chown", "postgres", dir.toString()));
    }
    cluster.pg(BIN.resolve("initdb").toString(), "-D", cluster.dataDir.toString(), "-A", "trust", "-U", "postgres", "--no-sync");
    cluster.startServer();
    return cluster;
  }

  /** The URL, as a user writes it. */
  public String url() {
    return "postgresql://postgres:unused@127.0.0.1:" + port + "/postgres";
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
  }

  /** Starts the server and waits until it accepts connections. */
  public void startServer() throws Exception {
    pg(BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60", "-l", dataDir.getParent().resolve("log").toString(),
        "-o", "-p " + port + " -k " + dataDir.getParent() + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
  }

  /** Stops the server at once, ending every connection ({@code 57P01}). */
  public void stopServer() throws Exception {
    pg(BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-m", "fast", "stop");
  }

  /** A restart as an operator does it: fast shutdown, then start again. */
  public void restartServer() throws Exception {
    stopServer();
    startServer();
  }

  @Override
  public void close() throws IOException {
    try {
      if (Files.exists(dataDir.resolve("postmaster.pid"))) {
        stopServer();
      }
    } catch (Exception e) {
      throw new IOException("cannot stop the test's PostgreSQL cluster in " + dataDir, e);
    } finally {
      try (Stream<Path> files = Files.walk(dataDir.getParent())) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void pg(String... command) throws Exception {
    List<String> line = new ArrayList<>();
    if (isRoot()) {
      line.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    line.addAll(List.of(command));
    run(line);
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
