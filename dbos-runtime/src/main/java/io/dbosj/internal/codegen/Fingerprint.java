package io.dbosj.internal.codegen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short, stable hash of lines of text: what fingerprints a workflow's code and an application version. */
public final class Fingerprint {
  private Fingerprint() {}

  /** The first 16 bytes of the SHA-256 of the lines, each ended by a newline, in hexadecimal. */
  public static String of(Iterable<String> lines) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * A workflow's fingerprint: its class and its signature (name, parameter and return types).
   * Recorded with each of its executions; a process whose code gives the same one can recover them.
   */
  public static String ofWorkflow(String className, DurableMethod<?> method) {
    return of(java.util.List.of(className + " " + method.signature()));
  }
}
