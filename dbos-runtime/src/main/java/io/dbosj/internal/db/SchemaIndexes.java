package io.dbosj.internal.db;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;

import io.dbosj.WorkflowState;
import io.dbosj.internal.db.SystemTables.ApplicationVersions;
import io.dbosj.internal.db.SystemTables.OperationOutputs;
import io.dbosj.internal.db.SystemTables.WorkflowInput;
import io.dbosj.internal.db.SystemTables.WorkflowOutput;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;

/**
 * The indexes of DBOS TS 5.3's layout, for {@link SchemaSqlRendering}: PostgreSQL's as DBOS
 * declares them; SQLite's the same but for {@code INCLUDE} columns and the GIN index, which it
 * cannot have.
 */
final class SchemaIndexes {
  private final DSLContext dsl;
  private final boolean postgres;

  SchemaIndexes(DSLContext dsl, boolean postgres) {
    this.dsl = dsl;
    this.postgres = postgres;
  }

  /**
   * DBOS's partial indexes on {@code workflow_status}, each serving a query of DBOS's tools
   * (its dequeue, recovery, timeout sweep, filters) or ours (recovery's {@code PENDING} rows,
   * queue dequeue). On SQLite without their {@code INCLUDE} columns, which it cannot store.
   */
  List<Query> workflowStatusIndexes() {
    List<String> active =
        List.of(WorkflowState.ENQUEUED.name(), WorkflowState.PENDING.name());
    List<Query> queries = new ArrayList<>();
    queries.add(
        partial("idx_workflow_status_completed_at", WorkflowStatus.COMPLETED_AT.isNotNull(), WorkflowStatus.COMPLETED_AT));
    queries.add(
        partial(
            "idx_workflow_status_deadline",
            statusIn(WorkflowState.ENQUEUED.name(), WorkflowState.PENDING.name(), "DELAYED")
                .and(WorkflowStatus.WORKFLOW_DEADLINE_EPOCH_MS.isNotNull()),
            WorkflowStatus.WORKFLOW_DEADLINE_EPOCH_MS));
    queries.add(
        partial(
            "idx_workflow_status_delayed",
            WorkflowStatus.STATUS.eq(inline("DELAYED")),
            WorkflowStatus.DELAY_UNTIL_EPOCH_MS));
    queries.add(
        partial(
            "idx_workflow_status_failed",
            statusIn(
                WorkflowState.ERROR.name(),
                WorkflowState.CANCELLED.name(),
                WorkflowState.MAX_RECOVERY_ATTEMPTS_EXCEEDED.name()),
            WorkflowStatus.STATUS,
            WorkflowStatus.CREATED_AT));
    queries.add(
        partial("idx_workflow_status_forked_from", WorkflowStatus.FORKED_FROM.isNotNull(), WorkflowStatus.FORKED_FROM));
    queries.add(
        withApplicationName(
            "idx_workflow_status_in_flight_v2",
            statusIn(active.toArray(String[]::new)),
            WorkflowStatus.QUEUE_NAME,
            WorkflowStatus.STATUS,
            WorkflowStatus.PRIORITY,
            WorkflowStatus.CREATED_AT));
    queries.add(
        partial(
            "idx_workflow_status_parent_workflow_id",
            WorkflowStatus.PARENT_WORKFLOW_ID.isNotNull(),
            WorkflowStatus.PARENT_WORKFLOW_ID));
    queries.add(
        withApplicationName(
            "idx_workflow_status_partition_dequeue_v3",
            statusIn(active.toArray(String[]::new)).and(WorkflowStatus.QUEUE_PARTITION_KEY.isNotNull()),
            WorkflowStatus.QUEUE_NAME,
            WorkflowStatus.STATUS,
            WorkflowStatus.QUEUE_PARTITION_KEY,
            WorkflowStatus.PRIORITY,
            WorkflowStatus.CREATED_AT,
            WorkflowStatus.WORKFLOW_UUID));
    queries.add(
        partial(
            "idx_workflow_status_pending",
            WorkflowStatus.STATUS.eq(inline(WorkflowState.PENDING.name())),
            WorkflowStatus.CREATED_AT));
    queries.add(
        partial(
            "idx_workflow_status_rate_limited",
            WorkflowStatus.RATE_LIMITED.eq(inline(true)),
            WorkflowStatus.QUEUE_NAME,
            WorkflowStatus.STARTED_AT_EPOCH_MS));
    queries.add(
        partial(
            "idx_workflow_status_schedule_name", WorkflowStatus.SCHEDULE_NAME.isNotNull(), WorkflowStatus.SCHEDULE_NAME));
    queries.add(
        partial(
            "idx_workflow_status_started_at",
            WorkflowStatus.STARTED_AT_EPOCH_MS.isNotNull(),
            WorkflowStatus.STARTED_AT_EPOCH_MS));
    if (postgres) {
      // jOOQ renders no index method
      queries.add(
          dsl.query(
              "create index if not exists {0} on {1} using gin ({2}) where {2} is not null",
              name("idx_workflow_status_attributes"),
              WorkflowStatus.TABLE,
              WorkflowStatus.ATTRIBUTES));
    }
    return queries;
  }

  /** The other indexes DBOS's layout has and io.dbosj's version 1 had not. */
  List<Query> indexesAfterVersion1() {
    List<Query> queries = new ArrayList<>();
    if (postgres) {
      queries.add(
          dsl.createIndexIfNotExists("idx_operation_outputs_completed_at_function_name_v2")
              .on(OperationOutputs.TABLE, OperationOutputs.COMPLETED_AT_EPOCH_MS, OperationOutputs.FUNCTION_NAME)
              .include(OperationOutputs.APPLICATION_NAME));
    } else {
      queries.add(
          dsl.createIndexIfNotExists("idx_operation_outputs_completed_at_function_name_v2")
              .on(OperationOutputs.TABLE, OperationOutputs.COMPLETED_AT_EPOCH_MS, OperationOutputs.FUNCTION_NAME));
    }
    queries.add(
        dsl.createIndexIfNotExists("idx_operation_outputs_retention")
            .on(OperationOutputs.TABLE, OperationOutputs.RETENTION_TIMESTAMP));
    queries.add(
        dsl.createIndexIfNotExists("idx_workflow_input_retention")
            .on(WorkflowInput.TABLE, WorkflowInput.RETENTION_TIMESTAMP));
    queries.add(
        dsl.createIndexIfNotExists("idx_workflow_output_retention")
            .on(WorkflowOutput.TABLE, WorkflowOutput.RETENTION_TIMESTAMP));
    queries.add(
        dsl.createUniqueIndexIfNotExists("uq_application_versions_owner_version")
            .on(ApplicationVersions.TABLE, ApplicationVersions.APPLICATION_NAME, ApplicationVersions.VERSION_NAME)
            .where(ApplicationVersions.APPLICATION_NAME.isNotNull()));
    queries.add(
        dsl.createUniqueIndexIfNotExists("uq_application_versions_unclaimed_version")
            .on(ApplicationVersions.TABLE, ApplicationVersions.VERSION_NAME)
            .where(ApplicationVersions.APPLICATION_NAME.isNull()));
    return queries;
  }

  /** One live deduplication ID per queue, as DBOS has it: a partial unique index. */
  Query dedupIndex() {
    return dsl.createUniqueIndexIfNotExists("uq_workflow_status_dedup_id")
        .on(WorkflowStatus.TABLE, WorkflowStatus.QUEUE_NAME, WorkflowStatus.DEDUPLICATION_ID)
        .where(WorkflowStatus.DEDUPLICATION_ID.isNotNull());
  }

  Query dropIndex(String name) {
    return dsl.query("drop index if exists " + (postgres ? SystemTables.SCHEMA + "." : "") + name);
  }

  private Query partial(String name, Condition where, Field<?>... columns) {
    return dsl.createIndexIfNotExists(name).on(WorkflowStatus.TABLE, columns).where(where);
  }

  private Query withApplicationName(String name, Condition where, Field<?>... columns) {
    return postgres
        ? dsl.createIndexIfNotExists(name)
            .on(WorkflowStatus.TABLE, columns)
            .include(WorkflowStatus.APPLICATION_NAME)
            .where(where)
        : partial(name, where, columns);
  }

  private static Condition statusIn(String... states) {
    return WorkflowStatus.STATUS.in(java.util.Arrays.stream(states).map(s -> inline(s)).toList());
  }
}
