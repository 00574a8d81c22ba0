package io.dbosj.internal.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The application version derived from the code: a hash of every durable method's signature. */
final class AppVersion {
  private AppVersion() {}

  static String of(List<String> signatures) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String signature : signatures) {
        digest.update(signature.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
