package io.dbosj.conformance.support;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The console of whoever runs the tests. Surefire sends {@code System.out} and {@code System.err}
 * into report files, so a notice a person must see goes to the process's own standard error.
 */
public final class Console {
  private Console() {}

  /** Writes {@code text} and a line end to the process's standard error, unredirected. */
  public static void show(String text) {
    // not closed: closing it would close file descriptor 2 for the whole JVM
    @SuppressWarnings("resource")
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    err.println(text);
    err.flush();
  }

  /** Whether this run is CI's, where a missing tool fails the run instead of skipping tests. */
  public static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
