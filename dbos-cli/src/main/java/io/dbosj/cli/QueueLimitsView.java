package io.dbosj.cli;

import io.dbosj.Queue;
import java.util.ArrayList;
import java.util.List;

/** A queue's limits as {@code dbos queue limits} prints them, and as its JSON shows them. */
record QueueLimitsView(
    String name,
    Integer concurrency,
    Integer workerConcurrency,
    Integer rateLimit,
    Double ratePeriodSeconds,
    boolean priorityEnabled,
    Integer partitionConcurrency,
    Integer partitionWorkerConcurrency,
    Integer partitionRateLimit,
    Double partitionRatePeriodSeconds) {

  static QueueLimitsView of(Queue q) {
    return new QueueLimitsView(
        q.name(),
        q.concurrency(),
        q.workerConcurrency(),
        q.rateLimit() > 0 ? q.rateLimit() : null,
        q.rateLimit() > 0 ? seconds(q.ratePeriod()) : null,
        q.priorityEnabled(),
        q.partitionConcurrency(),
        q.partitionWorkerConcurrency(),
        q.partitionRateLimit() > 0 ? q.partitionRateLimit() : null,
        q.partitionRateLimit() > 0 ? seconds(q.partitionRatePeriod()) : null);
  }

  String rate() {
    return rate(rateLimit, ratePeriodSeconds);
  }

  String partitionRate() {
    return rate(partitionRateLimit, partitionRatePeriodSeconds);
  }

  /** The limits that are set, on one line: {@code concurrency 5, rate 10/1s}; {@code no limits} for none. */
  String summary() {
    List<String> parts = new ArrayList<>();
    add(parts, "concurrency", concurrency);
    add(parts, "worker concurrency", workerConcurrency);
    if (rateLimit != null) {
      parts.add("rate " + rate());
    }
    if (priorityEnabled) {
      parts.add("priority enabled");
    }
    add(parts, "partition concurrency", partitionConcurrency);
    add(parts, "partition worker concurrency", partitionWorkerConcurrency);
    if (partitionRateLimit != null) {
      parts.add("partition rate " + partitionRate());
    }
    return parts.isEmpty() ? "no limits" : String.join(", ", parts);
  }

  private static void add(List<String> parts, String label, Integer value) {
    if (value != null) {
      parts.add(label + " " + value);
    }
  }

  private static String rate(Integer limit, Double periodSeconds) {
    if (limit == null) {
      return "";
    }
    String period = periodSeconds == Math.rint(periodSeconds) ? Long.toString(periodSeconds.longValue()) : periodSeconds.toString();
    return limit + "/" + period + "s";
  }

  private static double seconds(java.time.Duration period) {
    return period.toNanos() / 1e9;
  }
}
