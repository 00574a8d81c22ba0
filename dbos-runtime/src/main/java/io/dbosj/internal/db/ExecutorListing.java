package io.dbosj.internal.db;

import io.dbosj.ExecutorInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Executors as the API, the admin server and the CLI show them. */
public final class ExecutorListing {
  private ExecutorListing() {}

  /** Every recorded executor, its state judged at {@code now} against {@code lease}. */
  public static List<ExecutorInfo> of(ExecutorStore store, Duration lease) {
    long now = System.currentTimeMillis();
    List<ExecutorInfo> listed = new ArrayList<>();
    for (ExecutorRow row : store.all()) {
      listed.add(
          new ExecutorInfo(
              row.executorId(),
              row.host(),
              row.pid(),
              row.appVersion(),
              Instant.ofEpochMilli(row.startedAt()),
              Instant.ofEpochMilli(row.heartbeatAt()),
              row.state(now, lease.toMillis())));
    }
    return listed;
  }

  /** The executors as the admin server answers them, with DBOS-style field names. */
  public static List<Map<String, Object>> asMaps(List<ExecutorInfo> executors) {
    List<Map<String, Object>> maps = new ArrayList<>();
    for (ExecutorInfo e : executors) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ExecutorID", e.executorId());
      m.put("Host", e.host());
      m.put("Pid", e.pid());
      m.put("AppVersion", e.appVersion());
      m.put("StartedAt", e.startedAt().toString());
      m.put("LastHeartbeat", e.lastHeartbeat().toString());
      m.put("State", e.state());
      maps.add(m);
    }
    return maps;
  }
}
