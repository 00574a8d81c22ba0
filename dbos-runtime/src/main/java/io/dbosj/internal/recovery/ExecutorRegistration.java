package io.dbosj.internal.recovery;

import io.dbosj.DbosException;
import io.dbosj.internal.db.ExecutorRow;
import io.dbosj.internal.db.ExecutorStore;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes an executor ID for this launch in {@code dbosj_executors}, so that two live processes
 * never share one. The ID is free if no one holds it, its holder stopped, its heartbeat lapsed
 * past the lease, or its holder is a process on this host that no longer exists. Otherwise a set
 * ID is refused, naming the process that holds it; the default {@code local} is replaced by a
 * distinct {@code local-<random>}, so two copies of one program just work.
 */
public final class ExecutorRegistration {
  private static final Logger log = LoggerFactory.getLogger(ExecutorRegistration.class);

  /** The instances launched in this JVM and not yet stopped: alive whatever their pid says. */
  private static final Set<String> LIVE_HERE = ConcurrentHashMap.newKeySet();

  private static final String HOST = hostName();

  private ExecutorRegistration() {}

  /**
   * Takes {@code configured} for this process, or a distinct ID if it is the default and a live
   * process holds it; returns the holder recorded.
   *
   * @param given whether the ID was set explicitly (builder, environment, configuration file)
   * @throws DbosException if {@code given} and a live process holds the ID
   */
  public static ExecutorStore.Holder register(
      ExecutorStore store, String configured, boolean given, String appVersion, Duration lease) {
    String instance = UUID.randomUUID().toString();
    long pid = ProcessHandle.current().pid();
    ExecutorStore.Holder wanted = new ExecutorStore.Holder(configured, instance, HOST, pid, appVersion);
    Optional<ExecutorRow> holder = take(store, wanted, lease);
    if (holder.isEmpty()) {
      LIVE_HERE.add(instance);
      return wanted;
    }
    ExecutorRow other = holder.get();
    if (given) {
      throw new DbosException(
          "executor ID \"" + configured + "\" is held by a live process: pid " + other.pid() + " on host "
              + other.host() + ", since " + Instant.ofEpochMilli(other.startedAt()) + ", last heartbeat "
              + Instant.ofEpochMilli(other.heartbeatAt())
              + ". Two processes sharing an executor ID would recover and run each other's workflows. Give"
              + " this process its own ID (DBOS_EXECUTOR_ID, or DBOS.builder().executorId(...)), or stop the"
              + " other one: its ID is free once it closes, or " + lease.toSeconds()
              + " s (the executor lease) after its last heartbeat");
    }
    while (true) {
      String distinct = configured + "-" + UUID.randomUUID().toString().substring(0, 8);
      ExecutorStore.Holder mine = new ExecutorStore.Holder(distinct, instance, HOST, pid, appVersion);
      if (store.insert(mine, System.currentTimeMillis())) {
        LIVE_HERE.add(instance);
        log.info(
            "executor ID \"{}\" is held by a live process (pid {} on host {}); this process is executor \"{}\"."
                + " Set DBOS_EXECUTOR_ID to give each process its own",
            configured, other.pid(), other.host(), distinct);
        return mine;
      }
    }
  }

  /** This launch's instance ended (close()): it is no longer alive in this JVM. */
  static void ended(String instanceId) {
    LIVE_HERE.remove(instanceId);
  }

  /** Takes the wanted ID if it is free; otherwise returns the live holder's row. */
  private static Optional<ExecutorRow> take(ExecutorStore store, ExecutorStore.Holder wanted, Duration lease) {
    long now = System.currentTimeMillis();
    if (store.insert(wanted, now)) {
      return Optional.empty();
    }
    Optional<ExecutorRow> row = store.find(wanted.executorId());
    String dead = row.filter(ExecutorRegistration::isDead).map(ExecutorRow::instanceId).orElse(null);
    if (store.replace(wanted, now, now - lease.toMillis(), dead)) {
      if (row.isPresent() && row.get().stoppedAt() == null) {
        log.info(
            "executor ID \"{}\" was held by pid {} on host {}, which is gone; this process takes it over",
            wanted.executorId(), row.get().pid(), row.get().host());
      }
      return Optional.empty();
    }
    // the holder is live; or it changed between our reads: read who holds it now
    return Optional.of(store.find(wanted.executorId()).orElseGet(row::orElseThrow));
  }

  /** Whether the row's holder is a process of this host that no longer runs. */
  private static boolean isDead(ExecutorRow row) {
    if (!HOST.equals(row.host())) {
      return false; // another machine's: only its heartbeat can tell
    }
    if (row.pid() == ProcessHandle.current().pid()) {
      return !LIVE_HERE.contains(row.instanceId()); // an earlier run with our pid (a container's pid 1)
    }
    return ProcessHandle.of(row.pid()).map(p -> !p.isAlive()).orElse(true);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      String env = System.getenv("HOSTNAME");
      return env != null ? env : "unknown";
    }
  }
}
