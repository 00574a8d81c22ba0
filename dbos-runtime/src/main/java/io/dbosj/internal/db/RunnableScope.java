package io.dbosj.internal.db;

import java.util.Collection;
import java.util.Objects;

/**
 * Which recorded workflows this process may recover and dequeue: those recorded with no
 * application version (null or empty) or with {@code appVersion}, and those whose recorded fingerprint is one of
 * {@code fingerprints} (empty under DBOS's whole-version rule). The statements that take
 * workflows test it in SQL, so rows no process here can run never hold up those behind them.
 *
 * @param fingerprintsJson the fingerprints as a JSON array of strings: what the statements bind
 */
public record RunnableScope(String appVersion, String fingerprintsJson) {
  /** The key of {@code workflow_status.attributes} the fingerprint is recorded under. */
  public static final String FINGERPRINT_KEY = "dbosj.fingerprint";

  public RunnableScope {
    Objects.requireNonNull(appVersion, "appVersion");
    Objects.requireNonNull(fingerprintsJson, "fingerprintsJson");
  }

  /** Workflows of this version, or whose fingerprint is one of these. */
  public static RunnableScope of(String appVersion, Collection<String> fingerprints) {
    StringBuilder json = new StringBuilder("[");
    for (String fingerprint : fingerprints) {
      if (!fingerprint.matches("[0-9a-f]+")) {
        throw new IllegalArgumentException("not a fingerprint: " + fingerprint);
      }
      json.append(json.length() > 1 ? "," : "").append('"').append(fingerprint).append('"');
    }
    return new RunnableScope(appVersion, json.append(']').toString());
  }

  /** Only workflows of this version (or none): DBOS's rule. */
  public static RunnableScope ofVersion(String appVersion) {
    return new RunnableScope(appVersion, "[]");
  }

  /** The {@code attributes} a new workflow with this fingerprint is recorded with, or {@code null}. */
  static String attributes(String fingerprint) {
    return fingerprint == null ? null : "{\"" + FINGERPRINT_KEY + "\":\"" + fingerprint + "\"}";
  }

  /** Whether a row recorded with this version and fingerprint is in scope: the rule the SQL spells. */
  public boolean admits(String recordedVersion, String recordedFingerprint) {
    return recordedVersion == null
        || recordedVersion.isEmpty()
        || recordedVersion.equals(appVersion)
        || (recordedFingerprint != null && fingerprintsJson.contains("\"" + recordedFingerprint + "\""));
  }
}
