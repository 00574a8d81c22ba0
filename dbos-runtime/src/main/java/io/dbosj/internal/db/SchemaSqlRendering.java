package io.dbosj.internal.db;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;

import io.dbosj.WorkflowState;
import io.dbosj.internal.db.SystemTables.ApplicationVersions;
import io.dbosj.internal.db.SystemTables.EventDispatchKv;
import io.dbosj.internal.db.SystemTables.Migrations;
import io.dbosj.internal.db.SystemTables.Notifications;
import io.dbosj.internal.db.SystemTables.OperationOutputs;
import io.dbosj.internal.db.SystemTables.Queues;
import io.dbosj.internal.db.SystemTables.Streams;
import io.dbosj.internal.db.SystemTables.WorkflowEvents;
import io.dbosj.internal.db.SystemTables.WorkflowEventsHistory;
import io.dbosj.internal.db.SystemTables.WorkflowInput;
import io.dbosj.internal.db.SystemTables.WorkflowOutput;
import io.dbosj.internal.db.SystemTables.WorkflowSchedules;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Constraint;
import org.jooq.CreateTableElementListStep;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.conf.ParamType;
import org.jooq.impl.SQLDataType;

/**
 * The definition, with jOOQ over {@link SystemTables}, of the system database's schema: DBOS
 * Transact TypeScript 5.3's layout (its migration {@value SchemaMigrations#DBOS_VERSION}), and
 * the upgrade to it from io.dbosj's first layout (its version 1). Rendered into {@link
 * RenderedSql} with the statements of {@link SystemSqlRendering}; nothing calls this at run time.
 * On SQLite the same tables and columns, with the defaults SQLite can express, and no functions.
 */
final class SchemaSqlRendering {
  private SchemaSqlRendering() {}

  static SystemSql.Migrations migrations(DSLContext sql, boolean postgres) {
    List<Query> createMigrationsTable = new ArrayList<>();
    if (postgres) {
      createMigrationsTable.add(sql.createSchemaIfNotExists(SystemTables.SCHEMA));
    }
    createMigrationsTable.add(
        sql.createTableIfNotExists(Migrations.TABLE)
            .column(Migrations.VERSION, SQLDataType.BIGINT.nullable(false))
            .constraints(constraint("dbos_migrations_pkey").primaryKey(Migrations.VERSION)));
    Ddl ddl = new Ddl(sql, postgres);
    return new SystemSql.Migrations(
        rendered(createMigrationsTable),
        sql.select(max(Migrations.VERSION)).from(Migrations.TABLE).getSQL(),
        sql.insertInto(Migrations.TABLE).set(Migrations.VERSION, inline(SchemaMigrations.DBOS_VERSION)).getSQL(ParamType.INLINED),
        sql.update(Migrations.TABLE).set(Migrations.VERSION, inline(SchemaMigrations.DBOS_VERSION)).getSQL(ParamType.INLINED),
        withFunctions(rendered(ddl.create()), postgres),
        withFunctions(rendered(ddl.upgradeFromVersion1()), postgres),
        postgres
            ? "select table_name, column_name from information_schema.columns where table_schema = '"
                + SystemTables.SCHEMA + "'"
            : "select m.name, p.name from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table'");
  }

  /** {@code ddl}, then on PostgreSQL DBOS's functions and trigger, which are plpgsql, not jOOQ. */
  private static List<String> withFunctions(List<String> ddl, boolean postgres) {
    List<String> all = new ArrayList<>(ddl);
    if (postgres) {
      all.addAll(DbosFunctions.statements(SystemTables.SCHEMA));
    }
    return all;
  }

  /** DDL as executed: with its values (column defaults) inline, as DDL takes no bind values. */
  static List<String> rendered(List<Query> queries) {
    return queries.stream().map(query -> query.getSQL(ParamType.INLINED)).toList();
  }

  /** The DDL of one database. */
  private static final class Ddl {
    private final DSLContext dsl;
    private final boolean postgres;
    private final SchemaIndexes indexes;

    Ddl(DSLContext dsl, boolean postgres) {
      this.dsl = dsl;
      this.postgres = postgres;
      this.indexes = new SchemaIndexes(dsl, postgres);
    }

    /** The whole layout, in a database that has none of it. */
    List<Query> create() {
      List<Query> queries = new ArrayList<>();
      CreateTableElementListStep workflowStatus = dsl.createTableIfNotExists(WorkflowStatus.TABLE);
      for (Column column : workflowStatusColumns()) {
        workflowStatus = workflowStatus.column(column.name(), column.type());
      }
      queries.add(
          workflowStatus.constraints(constraint("workflow_status_pkey").primaryKey(WorkflowStatus.WORKFLOW_UUID)));
      queries.add(
          dsl.createTableIfNotExists(OperationOutputs.TABLE)
              .column(OperationOutputs.WORKFLOW_UUID, SQLDataType.CLOB.nullable(false))
              .column(OperationOutputs.FUNCTION_ID, SQLDataType.INTEGER.nullable(false))
              .column(OperationOutputs.FUNCTION_NAME, SQLDataType.CLOB.nullable(false).defaultValue(inline("")))
              .column(OperationOutputs.OUTPUT, SQLDataType.CLOB)
              .column(OperationOutputs.ERROR, SQLDataType.CLOB)
              .column(OperationOutputs.CHILD_WORKFLOW_ID, SQLDataType.CLOB)
              .column(OperationOutputs.STARTED_AT_EPOCH_MS, SQLDataType.BIGINT)
              .column(OperationOutputs.COMPLETED_AT_EPOCH_MS, SQLDataType.BIGINT)
              .column(OperationOutputs.SERIALIZATION, SQLDataType.CLOB)
              .column(OperationOutputs.APPLICATION_NAME, SQLDataType.CLOB)
              .column(OperationOutputs.RETENTION_TIMESTAMP, nowMillis())
              .constraints(
                  constraint("operation_outputs_pkey")
                      .primaryKey(OperationOutputs.WORKFLOW_UUID, OperationOutputs.FUNCTION_ID)));
      queries.add(
          dsl.createTableIfNotExists(Notifications.TABLE)
              .column(Notifications.MESSAGE_UUID, SQLDataType.CLOB.nullable(false).defaultValue(randomUuid()))
              .column(Notifications.DESTINATION_UUID, SQLDataType.CLOB.nullable(false))
              .column(Notifications.TOPIC, SQLDataType.CLOB)
              .column(Notifications.MESSAGE, SQLDataType.CLOB.nullable(false))
              .column(Notifications.CREATED_AT_EPOCH_MS, nowMillis())
              .column(Notifications.SERIALIZATION, SQLDataType.CLOB)
              .column(Notifications.CONSUMED, falseByDefault())
              .column(Notifications.CONSUMED_BY_FUNCTION_ID, SQLDataType.INTEGER)
              .constraints(
                  constraint("notifications_pkey").primaryKey(Notifications.MESSAGE_UUID),
                  cascadingFromWorkflow("notifications_destination_uuid_fkey", Notifications.DESTINATION_UUID)));
      queries.add(
          dsl.createTableIfNotExists(WorkflowEvents.TABLE)
              .column(WorkflowEvents.WORKFLOW_UUID, SQLDataType.CLOB.nullable(false))
              .column(WorkflowEvents.KEY, SQLDataType.CLOB.nullable(false))
              .column(WorkflowEvents.VALUE, SQLDataType.CLOB.nullable(false))
              .column(WorkflowEvents.SERIALIZATION, SQLDataType.CLOB)
              .constraints(
                  constraint("workflow_events_pkey").primaryKey(WorkflowEvents.WORKFLOW_UUID, WorkflowEvents.KEY),
                  cascadingFromWorkflow("workflow_events_workflow_uuid_fkey", WorkflowEvents.WORKFLOW_UUID)));
      queries.add(
          dsl.createTableIfNotExists(Streams.TABLE)
              .column(Streams.WORKFLOW_UUID, SQLDataType.CLOB.nullable(false))
              .column(Streams.KEY, SQLDataType.CLOB.nullable(false))
              .column(Streams.VALUE, SQLDataType.CLOB.nullable(false))
              .column(Streams.OFFSET, SQLDataType.INTEGER.nullable(false))
              .column(Streams.FUNCTION_ID, SQLDataType.INTEGER.nullable(false).defaultValue(inline(0)))
              .column(Streams.SERIALIZATION, SQLDataType.CLOB)
              .constraints(
                  constraint("streams_pkey").primaryKey(Streams.WORKFLOW_UUID, Streams.KEY, Streams.OFFSET),
                  cascadingFromWorkflow("streams_workflow_uuid_fkey", Streams.WORKFLOW_UUID)));
      queries.addAll(tablesAfterVersion1());
      queries.addAll(indexes.workflowStatusIndexes());
      queries.addAll(indexes.indexesAfterVersion1());
      queries.add(
          dsl.createIndexIfNotExists("idx_workflow_topic")
              .on(Notifications.TABLE, Notifications.DESTINATION_UUID, Notifications.TOPIC));
      queries.add(
          dsl.createIndexIfNotExists("workflow_status_created_at_index")
              .on(WorkflowStatus.TABLE, WorkflowStatus.CREATED_AT));
      queries.add(indexes.dedupIndex());
      return queries;
    }

    /**
     * From io.dbosj's version 1 to DBOS's layout, keeping every row: the columns and tables it
     * lacked; the indexes DBOS has instead of ours; deduplication as DBOS's partial unique index
     * on PostgreSQL (SQLite cannot drop a table's constraint: there the old unique constraint,
     * which admits exactly the same rows, stays); and no foreign key from the steps to the
     * workflow (PostgreSQL; SQLite enforces none).
     */
    List<Query> upgradeFromVersion1() {
      List<Query> queries = new ArrayList<>();
      for (Column column : workflowStatusColumns()) {
        if (column.addedAfterVersion1()) {
          queries.add(addColumn(WorkflowStatus.TABLE, column.name(), column.type()));
        }
      }
      queries.add(addColumn(OperationOutputs.TABLE, OperationOutputs.APPLICATION_NAME, SQLDataType.CLOB));
      // SQLite adds no column whose default is not a constant: there old and new steps get 0
      queries.add(
          addColumn(
              OperationOutputs.TABLE,
              OperationOutputs.RETENTION_TIMESTAMP,
              postgres ? nowMillis() : SQLDataType.BIGINT.nullable(false).defaultValue(inline(0L))));
      queries.add(addColumn(Notifications.TABLE, Notifications.CONSUMED, falseByDefault()));
      queries.add(addColumn(Notifications.TABLE, Notifications.CONSUMED_BY_FUNCTION_ID, SQLDataType.INTEGER));
      // finished workflows get the completion time DBOS's filters read: their last update
      queries.add(
          dsl.update(WorkflowStatus.TABLE)
              .set(WorkflowStatus.COMPLETED_AT, WorkflowStatus.UPDATED_AT)
              .where(
                  WorkflowStatus.STATUS.in(
                      inline(WorkflowState.SUCCESS.name()),
                      inline(WorkflowState.ERROR.name()),
                      inline(WorkflowState.CANCELLED.name()),
                      inline(WorkflowState.MAX_RECOVERY_ATTEMPTS_EXCEEDED.name()))));
      queries.addAll(tablesAfterVersion1());
      // serving no query of DBOS's or ours that DBOS's partial indexes do not, at a cost to every write
      queries.add(indexes.dropIndex("workflow_status_executor_id_index"));
      queries.add(indexes.dropIndex("workflow_status_status_index"));
      queries.addAll(indexes.workflowStatusIndexes());
      queries.addAll(indexes.indexesAfterVersion1());
      if (postgres) {
        queries.add(
            dsl.alterTable(WorkflowStatus.TABLE).alter(WorkflowStatus.CREATED_AT).default_(nowMillisExpression()));
        queries.add(
            dsl.alterTable(WorkflowStatus.TABLE).alter(WorkflowStatus.UPDATED_AT).default_(nowMillisExpression()));
        queries.add(
            dsl.alterTable(WorkflowStatus.TABLE)
                .alter(WorkflowStatus.CLASS_NAME)
                .default_(inline((String) null, WorkflowStatus.CLASS_NAME)));
        queries.add(
            dsl.alterTable(WorkflowStatus.TABLE)
                .alter(WorkflowStatus.CONFIG_NAME)
                .default_(inline((String) null, WorkflowStatus.CONFIG_NAME)));
        queries.add(dsl.alterTable(WorkflowStatus.TABLE).alter(WorkflowStatus.RECOVERY_ATTEMPTS).dropNotNull());
        queries.add(
            dsl.alterTable(Notifications.TABLE).alter(Notifications.MESSAGE_UUID).default_(randomUuid()));
        queries.add(
            dsl.alterTable(Notifications.TABLE)
                .alter(Notifications.CREATED_AT_EPOCH_MS)
                .default_(nowMillisExpression()));
        queries.add(
            dsl.alterTable(OperationOutputs.TABLE).dropConstraintIfExists("operation_outputs_workflow_uuid_fkey"));
        queries.add(
            dsl.alterTable(WorkflowStatus.TABLE).dropConstraintIfExists("uq_workflow_status_queue_name_dedup_id"));
        queries.add(indexes.dedupIndex());
      }
      return queries;
    }

    /** A column of workflow_status, and whether io.dbosj's version 1 lacked it. */
    private record Column(String name, DataType<?> type, boolean addedAfterVersion1) {}

    private static Column inVersion1(Field<?> column, DataType<?> type) {
      return new Column(column.getName(), type, false);
    }

    private static Column addedLater(Field<?> column, DataType<?> type) {
      return new Column(column.getName(), type, true);
    }

    /**
     * Every column of workflow_status in DBOS's order: {@link #create()} makes them all, {@link
     * #upgradeFromVersion1()} adds the ones version 1 lacked.
     */
    private List<Column> workflowStatusColumns() {
      return List.of(
          inVersion1(WorkflowStatus.WORKFLOW_UUID, SQLDataType.CLOB.nullable(false)),
          inVersion1(WorkflowStatus.STATUS, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.NAME, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.AUTHENTICATED_USER, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.ASSUMED_ROLE, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.AUTHENTICATED_ROLES, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.REQUEST, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.OUTPUT, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.ERROR, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.EXECUTOR_ID, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.CREATED_AT, nowMillis()),
          inVersion1(WorkflowStatus.UPDATED_AT, nowMillis()),
          inVersion1(WorkflowStatus.APPLICATION_VERSION, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.APPLICATION_ID, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.CLASS_NAME, SQLDataType.VARCHAR(255).defaultValue(inline((String) null))),
          inVersion1(WorkflowStatus.CONFIG_NAME, SQLDataType.VARCHAR(255).defaultValue(inline((String) null))),
          inVersion1(WorkflowStatus.RECOVERY_ATTEMPTS, SQLDataType.BIGINT.defaultValue(inline(0L))),
          inVersion1(WorkflowStatus.QUEUE_NAME, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.WORKFLOW_TIMEOUT_MS, SQLDataType.BIGINT),
          inVersion1(WorkflowStatus.WORKFLOW_DEADLINE_EPOCH_MS, SQLDataType.BIGINT),
          inVersion1(WorkflowStatus.INPUTS, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.STARTED_AT_EPOCH_MS, SQLDataType.BIGINT),
          inVersion1(WorkflowStatus.DEDUPLICATION_ID, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.PRIORITY, SQLDataType.INTEGER.nullable(false).defaultValue(inline(0))),
          inVersion1(WorkflowStatus.QUEUE_PARTITION_KEY, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.FORKED_FROM, SQLDataType.CLOB),
          addedLater(WorkflowStatus.OWNER_XID, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.PARENT_WORKFLOW_ID, SQLDataType.CLOB),
          inVersion1(WorkflowStatus.SERIALIZATION, SQLDataType.CLOB),
          addedLater(WorkflowStatus.DELAY_UNTIL_EPOCH_MS, SQLDataType.BIGINT),
          addedLater(WorkflowStatus.WAS_FORKED_FROM, falseByDefault()),
          addedLater(WorkflowStatus.RATE_LIMITED, falseByDefault()),
          addedLater(WorkflowStatus.COMPLETED_AT, SQLDataType.BIGINT),
          addedLater(WorkflowStatus.ATTRIBUTES, jsonb()),
          addedLater(WorkflowStatus.SCHEDULE_NAME, SQLDataType.CLOB),
          addedLater(WorkflowStatus.DEBOUNCE_DEADLINE_EPOCH_MS, SQLDataType.BIGINT),
          addedLater(WorkflowStatus.IS_DEBOUNCED, falseByDefault()),
          addedLater(WorkflowStatus.APPLICATION_NAME, SQLDataType.CLOB),
          addedLater(WorkflowStatus.CREATOR_XID, SQLDataType.CLOB));
    }

    /** The tables DBOS's layout has and io.dbosj's version 1 had not. */
    private List<Query> tablesAfterVersion1() {
      List<Query> queries = new ArrayList<>();
      queries.add(
          dsl.createTableIfNotExists(ApplicationVersions.TABLE)
              .column(ApplicationVersions.VERSION_ID, SQLDataType.CLOB.nullable(false))
              .column(ApplicationVersions.VERSION_NAME, SQLDataType.CLOB.nullable(false))
              .column(ApplicationVersions.VERSION_TIMESTAMP, nowMillis())
              .column(ApplicationVersions.CREATED_AT, nowMillis())
              .column(ApplicationVersions.APPLICATION_NAME, SQLDataType.CLOB)
              .constraints(
                  constraint("application_versions_pkey").primaryKey(ApplicationVersions.VERSION_ID),
                  constraint("application_versions_version_name_key").unique(ApplicationVersions.VERSION_NAME)));
      queries.add(
          dsl.createTableIfNotExists(EventDispatchKv.TABLE)
              .column(EventDispatchKv.SERVICE_NAME, SQLDataType.CLOB.nullable(false))
              .column(EventDispatchKv.WORKFLOW_FN_NAME, SQLDataType.CLOB.nullable(false))
              .column(EventDispatchKv.KEY, SQLDataType.CLOB.nullable(false))
              .column(EventDispatchKv.VALUE, SQLDataType.CLOB)
              .column(EventDispatchKv.UPDATE_SEQ, SQLDataType.NUMERIC(38, 0))
              .column(EventDispatchKv.UPDATE_TIME, SQLDataType.NUMERIC(38, 15))
              .constraints(
                  constraint("event_dispatch_kv_pkey")
                      .primaryKey(EventDispatchKv.SERVICE_NAME, EventDispatchKv.WORKFLOW_FN_NAME, EventDispatchKv.KEY)));
      queries.add(
          dsl.createTableIfNotExists(Queues.TABLE)
              .column(Queues.QUEUE_ID, SQLDataType.CLOB.nullable(false).defaultValue(randomUuidText()))
              .column(Queues.NAME, SQLDataType.CLOB.nullable(false))
              .column(Queues.CONCURRENCY, SQLDataType.INTEGER)
              .column(Queues.WORKER_CONCURRENCY, SQLDataType.INTEGER)
              .column(Queues.RATE_LIMIT_MAX, SQLDataType.INTEGER)
              .column(Queues.RATE_LIMIT_PERIOD_SEC, SQLDataType.DOUBLE)
              .column(Queues.PRIORITY_ENABLED, falseByDefault())
              .column(Queues.PARTITION_QUEUE, falseByDefault())
              .column(Queues.POLLING_INTERVAL_SEC, SQLDataType.DOUBLE.nullable(false).defaultValue(field("1.0", Double.class)))
              .column(Queues.CREATED_AT, nowMillis())
              .column(Queues.UPDATED_AT, nowMillis())
              .column(Queues.APPLICATION_NAME, SQLDataType.CLOB)
              .column(Queues.PARTITION_CONCURRENCY, SQLDataType.INTEGER)
              .column(Queues.PARTITION_WORKER_CONCURRENCY, SQLDataType.INTEGER)
              .column(Queues.PARTITION_RATE_LIMIT_MAX, SQLDataType.INTEGER)
              .column(Queues.PARTITION_RATE_LIMIT_PERIOD_SEC, SQLDataType.DOUBLE)
              .constraints(
                  constraint("queues_pkey").primaryKey(Queues.QUEUE_ID),
                  constraint("queues_name_key").unique(Queues.NAME)));
      queries.add(
          dsl.createTableIfNotExists(WorkflowEventsHistory.TABLE)
              .column(WorkflowEventsHistory.WORKFLOW_UUID, SQLDataType.CLOB.nullable(false))
              .column(WorkflowEventsHistory.FUNCTION_ID, SQLDataType.INTEGER.nullable(false))
              .column(WorkflowEventsHistory.KEY, SQLDataType.CLOB.nullable(false))
              .column(WorkflowEventsHistory.VALUE, SQLDataType.CLOB.nullable(false))
              .column(WorkflowEventsHistory.SERIALIZATION, SQLDataType.CLOB)
              .constraints(
                  constraint("workflow_events_history_pkey")
                      .primaryKey(
                          WorkflowEventsHistory.WORKFLOW_UUID, WorkflowEventsHistory.FUNCTION_ID, WorkflowEventsHistory.KEY),
                  cascadingFromWorkflow(
                      "workflow_events_history_workflow_uuid_fkey", WorkflowEventsHistory.WORKFLOW_UUID)));
      queries.add(
          dsl.createTableIfNotExists(WorkflowInput.TABLE)
              .column(WorkflowInput.WORKFLOW_UUID, SQLDataType.CLOB.nullable(false))
              .column(WorkflowInput.INPUTS, SQLDataType.CLOB)
              .column(WorkflowInput.RETENTION_TIMESTAMP, nowMillis())
              .constraints(constraint("workflow_input_pkey").primaryKey(WorkflowInput.WORKFLOW_UUID)));
      queries.add(
          dsl.createTableIfNotExists(WorkflowOutput.TABLE)
              .column(WorkflowOutput.WORKFLOW_UUID, SQLDataType.CLOB.nullable(false))
              .column(WorkflowOutput.OUTPUT, SQLDataType.CLOB)
              .column(WorkflowOutput.ERROR, SQLDataType.CLOB)
              .column(WorkflowOutput.RETENTION_TIMESTAMP, nowMillis())
              .constraints(constraint("workflow_output_pkey").primaryKey(WorkflowOutput.WORKFLOW_UUID)));
      queries.add(
          dsl.createTableIfNotExists(WorkflowSchedules.TABLE)
              .column(WorkflowSchedules.SCHEDULE_ID, SQLDataType.CLOB.nullable(false))
              .column(WorkflowSchedules.SCHEDULE_NAME, SQLDataType.CLOB.nullable(false))
              .column(WorkflowSchedules.WORKFLOW_NAME, SQLDataType.CLOB.nullable(false))
              .column(WorkflowSchedules.WORKFLOW_CLASS_NAME, SQLDataType.CLOB)
              .column(WorkflowSchedules.SCHEDULE, SQLDataType.CLOB.nullable(false))
              .column(WorkflowSchedules.STATUS, SQLDataType.CLOB.nullable(false).defaultValue(inline("ACTIVE")))
              .column(WorkflowSchedules.CONTEXT, SQLDataType.CLOB.nullable(false))
              .column(WorkflowSchedules.LAST_FIRED_AT, SQLDataType.CLOB)
              .column(WorkflowSchedules.AUTOMATIC_BACKFILL, falseByDefault())
              .column(WorkflowSchedules.CRON_TIMEZONE, SQLDataType.CLOB)
              .column(WorkflowSchedules.QUEUE_NAME, SQLDataType.CLOB)
              .column(WorkflowSchedules.APPLICATION_NAME, SQLDataType.CLOB)
              .constraints(
                  constraint("workflow_schedules_pkey").primaryKey(WorkflowSchedules.SCHEDULE_ID),
                  constraint("workflow_schedules_schedule_name_key").unique(WorkflowSchedules.SCHEDULE_NAME)));
      return queries;
    }

    private Query addColumn(Table<?> table, Field<?> column, DataType<?> type) {
      return addColumn(table, column.getName(), type);
    }

    private Query addColumn(Table<?> table, String column, DataType<?> type) {
      // SQLite has no "add column if not exists": the upgrade runs once, inside the version check
      return postgres
          ? dsl.alterTable(table).addColumnIfNotExists(column, type)
          : dsl.alterTable(table).addColumn(column, type);
    }

    /** A foreign key to the workflow's row, so a workflow's records go where it goes. */
    private static Constraint cascadingFromWorkflow(String name, Field<String> workflowId) {
      return constraint(name)
          .foreignKey(workflowId)
          .references(WorkflowStatus.TABLE, WorkflowStatus.WORKFLOW_UUID)
          .onUpdateCascade()
          .onDeleteCascade();
    }

    /** Milliseconds since the epoch when the row is written, DBOS's default for its timestamps. */
    private DataType<Long> nowMillis() {
      return SQLDataType.BIGINT.nullable(false).defaultValue(nowMillisExpression());
    }

    private Field<Long> nowMillisExpression() {
      return field(
          postgres
              ? "((extract(epoch from now()) * 1000.0))::bigint"
              : "(cast(unixepoch('subsec') * 1000 as integer))",
          Long.class);
    }

    private Field<String> randomUuid() {
      return field(
          postgres
              ? "gen_random_uuid()"
              // a random version-4 UUID, as PostgreSQL's gen_random_uuid() writes them
              : "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'"
                  + " || substr(lower(hex(randomblob(2))), 2) || '-'"
                  + " || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)"
                  + " || '-' || lower(hex(randomblob(6))))",
          String.class);
    }

    /** {@link #randomUuid()}, as DBOS spells it for {@code queues}: cast to text. */
    private Field<String> randomUuidText() {
      return postgres ? field("gen_random_uuid()::text", String.class) : randomUuid();
    }

    private DataType<Boolean> falseByDefault() {
      return SQLDataType.BOOLEAN.nullable(false).defaultValue(inline(false));
    }

    private DataType<?> jsonb() {
      return postgres ? SQLDataType.JSONB : SQLDataType.CLOB;
    }
  }
}
