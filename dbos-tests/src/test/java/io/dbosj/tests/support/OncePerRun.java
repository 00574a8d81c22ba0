package io.dbosj.tests.support;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lets one of the test JVMs Surefire runs side by side (see {@link ForkDatabase}) do a thing once
 * per Maven run: the first to claim it, by a file named after the run (the build's start time,
 * which the pom hands every test JVM as {@code dbosj.test.run}).
 */
final class OncePerRun {
  private OncePerRun() {}

  /** Whether this JVM is the first of its Maven run to claim {@code what}. */
  static boolean claim(String what) {
    String run = System.getProperty("dbosj.test.run");
    if (run == null || run.isBlank()) {
      return true; // not started by this module's pom: one JVM, say it
    }
    Path flag = Path.of(System.getProperty("java.io.tmpdir"), "dbosj-" + what + "-" + run);
    try {
      Files.createFile(flag);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      return true; // cannot tell: better said twice than never
    }
  }
}
