package io.dbosj.internal.db;

/**
 * One row of {@code dbosj_executors}: the process holding an executor ID, and what became of it.
 * {@code stoppedAt}, {@code takenOverBy} and {@code takenOverAt} are {@code null} until they
 * happen.
 */
public record ExecutorRow(
    String executorId,
    String instanceId,
    String host,
    long pid,
    String appVersion,
    long startedAt,
    long heartbeatAt,
    Long stoppedAt,
    String takenOverBy,
    Long takenOverAt) {

  /** What a listing shows: {@code alive}, {@code lapsed}, {@code stopped} or {@code taken over by X}. */
  public String state(long now, long leaseMillis) {
    if (takenOverBy != null) {
      return "taken over by " + takenOverBy;
    }
    if (stoppedAt != null) {
      return "stopped";
    }
    return heartbeatAt < now - leaseMillis ? "lapsed" : "alive";
  }
}
