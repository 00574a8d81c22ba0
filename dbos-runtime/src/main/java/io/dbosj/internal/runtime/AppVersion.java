package io.dbosj.internal.runtime;

import io.dbosj.internal.codegen.Fingerprint;
import java.util.List;

/** The application version derived from the code: a hash of every durable method's signature. */
final class AppVersion {
  private AppVersion() {}

  static String of(List<String> signatures) {
    return Fingerprint.of(signatures);
  }
}
