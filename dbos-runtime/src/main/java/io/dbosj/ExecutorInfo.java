package io.dbosj;

import java.time.Instant;

/**
 * A process that announced itself in the system database: its executor ID, where it runs, and
 * what became of it. Listed by {@link DBOS#listExecutors()}, {@link DBOSClient#listExecutors()},
 * {@code dbos executor list} and the admin server's {@code GET /dbos-executors}:
 *
 * <pre>{@code
 * for (ExecutorInfo e : dbos.listExecutors()) {
 *   System.out.println(e.executorId() + " pid " + e.pid() + " on " + e.host() + ": " + e.state());
 * }
 * }</pre>
 *
 * @param state {@code alive}, {@code lapsed} (no heartbeat for longer than the lease), {@code
 *     stopped} (closed), or {@code taken over by <executor>} (its pending workflows moved there)
 */
public record ExecutorInfo(
    String executorId,
    String host,
    long pid,
    String appVersion,
    Instant startedAt,
    Instant lastHeartbeat,
    String state) {}
