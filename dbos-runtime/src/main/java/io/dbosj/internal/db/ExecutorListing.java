package io.dbosj.internal.db;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Executors as the admin server and the CLI show them: one map per executor, in a fixed order. */
public final class ExecutorListing {
  private ExecutorListing() {}

  /** The rows as maps: ExecutorID, Host, Pid, AppVersion, StartedAt, LastHeartbeat, State (times ISO-8601). */
  public static List<Map<String, Object>> of(List<ExecutorRow> rows, long now, Duration lease) {
    List<Map<String, Object>> listed = new ArrayList<>();
    for (ExecutorRow row : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ExecutorID", row.executorId());
      m.put("Host", row.host());
      m.put("Pid", row.pid());
      m.put("AppVersion", row.appVersion());
      m.put("StartedAt", Instant.ofEpochMilli(row.startedAt()).toString());
      m.put("LastHeartbeat", Instant.ofEpochMilli(row.heartbeatAt()).toString());
      m.put("State", row.state(now, lease.toMillis()));
      listed.add(m);
    }
    return listed;
  }
}
