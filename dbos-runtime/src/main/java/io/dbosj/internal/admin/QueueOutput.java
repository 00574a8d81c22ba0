package io.dbosj.internal.admin;

import io.dbosj.internal.db.QueueLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A queue as DBOS Java 1.1's {@code GET /dbos-workflow-queues-metadata} answers with it (its
 * {@code Queue} record): {@code name}, {@code concurrency}, {@code workerConcurrency}, {@code
 * priorityEnabled}, {@code partitioningEnabled}, {@code rateLimit} ({@code {limit, period}} or
 * {@code null}) and {@code pollingInterval}, durations in seconds with nine decimals.
 */
final class QueueOutput {
  /** The longest the queue runner waits between looks at its queues when not woken. */
  private static final Duration POLLING_INTERVAL = Duration.ofSeconds(1);

  private QueueOutput() {}

  static Map<String, Object> of(QueueLimits queue) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", queue.name());
    out.put("concurrency", queue.concurrency());
    out.put("workerConcurrency", queue.workerConcurrency());
    out.put("priorityEnabled", queue.priorityEnabled());
    out.put("partitioningEnabled", queue.partitioned());
    if (queue.rateLimit() == null) {
      out.put("rateLimit", null);
    } else {
      Map<String, Object> rate = new LinkedHashMap<>();
      rate.put("limit", queue.rateLimit().limit());
      rate.put("period", seconds(queue.rateLimit().period()));
      out.put("rateLimit", rate);
    }
    out.put("pollingInterval", seconds(POLLING_INTERVAL));
    return out;
  }

  /** As Jackson writes a {@code Duration} as a timestamp: seconds, nine decimals. */
  private static BigDecimal seconds(Duration duration) {
    return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9)).setScale(9);
  }
}
