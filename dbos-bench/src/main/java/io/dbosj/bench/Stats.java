package io.dbosj.bench;

import java.util.Arrays;

/** Medians and percentiles of measured values. */
final class Stats {
  private Stats() {}

  /** The nearest-rank percentile {@code p} (0..100) of {@code values}. */
  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  /** "range a..b over n rounds", for a cell's detail. */
  static String spread(double[] rounds) {
    return "rounds " + Report.number(min(rounds)) + ".." + Report.number(max(rounds)) + ", n=" + rounds.length;
  }

  static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
