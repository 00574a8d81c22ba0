package io.dbosj.faults;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a child JVM's side effects are written, one line per effect: {@code key token pid millis}.
 * The key names the effect (a workflow ID, a slash, the step); the token is unique to this one
 * execution and is what the step returns, so the parent can tell which execution's output the
 * database recorded. Each line is one {@code write} on a file opened for appending, so it survives a
 * SIGKILL the instant it returns (the page cache outlives the process).
 */
final class Ledger implements AutoCloseable {
  private final FileOutputStream out;
  private final long pid = ProcessHandle.current().pid();

  Ledger(Path file) {
    try {
      this.out = new FileOutputStream(file.toFile(), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A token no other execution has: {@code t} and 16 hex digits. */
  static String newToken() {
    return String.format("t%016x", ThreadLocalRandom.current().nextLong());
  }

  /** Records that the effect {@code key} happened now; returns its token. */
  String record(String key) {
    String token = newToken();
    byte[] line = (key + " " + token + " " + pid + " " + System.currentTimeMillis() + "\n")
        .getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      try {
        out.write(line);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return token;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
