package io.dbosj.internal.db;

import io.dbosj.internal.db.SystemTables.OperationOutputs;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The system tables and columns a database has, as far as io.dbosj cares: whether every one its
 * statements use is there, and whether DBOS TS's payload tables ({@code workflow_input}, {@code
 * workflow_output}) are, which decides how inputs and outcomes are read ({@link SystemSql#of(boolean,
 * boolean)}), and whether {@code application_versions} records each version's application.
 * Probed once at open, for a database DBOS made at another version than TS 5.3's.
 */
record SchemaLayout(boolean payloadTables, List<String> missing, String queueTableLacks, boolean versionOwners) {
  /** DBOS TS 5.3's layout, which io.dbosj creates: everything there. */
  static final SchemaLayout DBOS_TS = new SchemaLayout(true, List.of(), null, true);

  /** The {@code queues} columns {@link QueueTableStore} uses: DBOS Java 1.1's table has no partition limits. */
  private static final List<Field<?>> QUEUE_TABLE_COLUMNS =
      List.of(
          SystemTables.Queues.NAME, SystemTables.Queues.CONCURRENCY, SystemTables.Queues.WORKER_CONCURRENCY,
          SystemTables.Queues.RATE_LIMIT_MAX, SystemTables.Queues.RATE_LIMIT_PERIOD_SEC,
          SystemTables.Queues.PRIORITY_ENABLED, SystemTables.Queues.PARTITION_QUEUE,
          SystemTables.Queues.PARTITION_CONCURRENCY, SystemTables.Queues.PARTITION_WORKER_CONCURRENCY,
          SystemTables.Queues.PARTITION_RATE_LIMIT_MAX, SystemTables.Queues.PARTITION_RATE_LIMIT_PERIOD_SEC,
          SystemTables.Queues.APPLICATION_NAME, SystemTables.Queues.CREATED_AT, SystemTables.Queues.UPDATED_AT);

  /** What a database has, from {@code selectColumns}' (table, column) rows. */
  static SchemaLayout probe(Connection c, String selectColumns) throws SQLException {
    Map<String, Set<String>> columns = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(selectColumns)) {
      while (rs.next()) {
        columns.computeIfAbsent(rs.getString(1), t -> new HashSet<>()).add(rs.getString(2));
      }
    }
    List<String> missing = new ArrayList<>();
    required().forEach(
        (table, fields) -> {
          Set<String> present = columns.get(table.getName());
          if (present == null) {
            missing.add("table " + table.getName());
            return;
          }
          for (Field<?> field : fields) {
            if (!present.contains(field.getName())) {
              missing.add(table.getName() + "." + field.getName());
            }
          }
        });
    boolean payloadTables =
        columns.containsKey(SystemTables.WorkflowInput.TABLE.getName())
            && columns.containsKey(SystemTables.WorkflowOutput.TABLE.getName());
    Set<String> queueColumns = columns.getOrDefault(SystemTables.Queues.TABLE.getName(), Set.of());
    String queueTableLacks =
        QUEUE_TABLE_COLUMNS.stream()
            .map(Field::getName)
            .filter(name -> !queueColumns.contains(name))
            .reduce((a, b) -> a + ", " + b)
            .orElse(null);
    // DBOS Java 1.1's application_versions has no owner: its versions are not registered there
    boolean versionOwners =
        columns.getOrDefault(SystemTables.ApplicationVersions.TABLE.getName(), Set.of())
            .contains(SystemTables.ApplicationVersions.APPLICATION_NAME.getName());
    return new SchemaLayout(payloadTables, List.copyOf(missing), queueTableLacks, versionOwners);
  }

  /** Every column io.dbosj's statements read or write, by table. */
  private static Map<Table<?>, List<Field<?>>> required() {
    Map<Table<?>, List<Field<?>>> required = new java.util.LinkedHashMap<>();
    List<Field<?>> status = new ArrayList<>(WorkflowStatus.ROW_COLUMNS);
    status.addAll(WorkflowStatus.NEW_ROW_COLUMNS);
    status.addAll(WorkflowStatus.DETAIL_COLUMNS);
    status.addAll(
        List.of(
            WorkflowStatus.SERIALIZATION,
            WorkflowStatus.PRIORITY,
            WorkflowStatus.OWNER_XID,
            WorkflowStatus.COMPLETED_AT,
            WorkflowStatus.WAS_FORKED_FROM));
    required.put(WorkflowStatus.TABLE, status);
    required.put(OperationOutputs.TABLE, OperationOutputs.RECORD_COLUMNS);
    required.put(
        SystemTables.Notifications.TABLE,
        List.of(
            SystemTables.Notifications.DESTINATION_UUID,
            SystemTables.Notifications.TOPIC,
            SystemTables.Notifications.MESSAGE,
            SystemTables.Notifications.MESSAGE_UUID,
            SystemTables.Notifications.CREATED_AT_EPOCH_MS));
    required.put(
        SystemTables.WorkflowEvents.TABLE,
        List.of(SystemTables.WorkflowEvents.WORKFLOW_UUID, SystemTables.WorkflowEvents.KEY, SystemTables.WorkflowEvents.VALUE));
    required.put(
        SystemTables.Streams.TABLE,
        List.of(
            SystemTables.Streams.WORKFLOW_UUID,
            SystemTables.Streams.KEY,
            SystemTables.Streams.VALUE,
            SystemTables.Streams.OFFSET));
    return required;
  }
}
