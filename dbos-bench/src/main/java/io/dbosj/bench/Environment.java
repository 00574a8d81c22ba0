package io.dbosj.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** What the figures were measured on: machine, JDK, PostgreSQL and its commit settings. */
final class Environment {
  private Environment() {}

  static void describe(Map<String, String> into, BenchDatabases databases, Options options) {
    into.put("date", java.time.Instant.now().toString());
    into.put("machine", machine());
    into.put("JDK", System.getProperty("java.vm.name") + " " + Runtime.version()
        + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    try {
      into.put("PostgreSQL", postgres(databases));
    } catch (SQLException e) {
      into.put("PostgreSQL", "unreachable: " + e.getMessage());
    }
    into.put("io.dbosj", versionOf(io.dbosj.DBOS.class));
    into.put("peer", "DBOS Transact Java (dev.dbos:transact) " + dev.dbos.transact.DBOS.version());
    into.put("run", (options.quick() ? "--quick, " : "") + options.rounds() + " measured rounds after a warm-up"
        + ", workloads " + String.join(",", options.workloads()));
  }

  private static String machine() {
    String memory = "";
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      memory = String.format(java.util.Locale.ROOT, ", %.1f GiB memory", os.getTotalMemorySize() / (double) (1L << 30));
    }
    return Runtime.getRuntime().availableProcessors() + " cores" + memory + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
  }

  private static String postgres(BenchDatabases databases) throws SQLException {
    StringBuilder text = new StringBuilder();
    try (Connection c = databases.connectAdmin(); Statement s = c.createStatement()) {
      for (String setting : new String[] {"server_version", "synchronous_commit", "fsync", "wal_sync_method", "shared_buffers"}) {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
          rs.next();
          text.append(text.length() == 0 ? "" : ", ").append(setting).append('=').append(rs.getString(1));
        }
      }
    }
    return text.toString();
  }

  private static String versionOf(Class<?> type) {
    String version = type.getPackage().getImplementationVersion();
    return version != null ? version : "0.1.0-SNAPSHOT (from this build)";
  }
}
