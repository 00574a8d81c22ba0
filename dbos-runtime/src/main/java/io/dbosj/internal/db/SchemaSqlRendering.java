package io.dbosj.internal.db;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;
import io.dbosj.internal.db.SystemTables.Migrations;
import io.dbosj.internal.db.SystemTables.Notifications;
import io.dbosj.internal.db.SystemTables.OperationOutputs;
import io.dbosj.internal.db.SystemTables.Streams;
import io.dbosj.internal.db.SystemTables.WorkflowEvents;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Constraint;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.conf.ParamType;
import org.jooq.impl.SQLDataType;

/**
 * The definition, with jOOQ over {@link SystemTables}, of the system database's schema: the
 * migrations table and each version's DDL, as DBOS Transact creates them. Rendered into {@link
 * RenderedSql} with the statements of {@link SystemSqlRendering}; nothing calls this at run time.
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
            .primaryKey(Migrations.VERSION));
    return new SystemSql.Migrations(
        rendered(createMigrationsTable),
        sql.select(max(Migrations.VERSION)).from(Migrations.TABLE).getSQL(),
        sql.insertInto(Migrations.TABLE).set(Migrations.VERSION, val(null, Migrations.VERSION)).getSQL(),
        List.of(rendered(version1(sql))));
  }

  /** DDL as executed: with its values (column defaults) inline, as DDL takes no bind values. */
  static List<String> rendered(List<Query> queries) {
    return queries.stream().map(query -> query.getSQL(ParamType.INLINED)).toList();
  }

  /** A foreign key to the workflow's row, so a workflow's records go where it goes. */
  private static Constraint cascadingFromWorkflow(String name, Field<String> workflowId) {
    return constraint(name)
        .foreignKey(workflowId)
        .references(WorkflowStatus.TABLE, WorkflowStatus.WORKFLOW_UUID)
        .onUpdateCascade()
        .onDeleteCascade();
  }

  private static List<Query> version1(DSLContext dsl) {
    List<Query> queries = new ArrayList<>();
    queries.add(
        dsl.createTableIfNotExists(WorkflowStatus.TABLE)
            .column(WorkflowStatus.WORKFLOW_UUID, SQLDataType.CLOB.nullable(false))
            .column(WorkflowStatus.STATUS, SQLDataType.CLOB)
            .column(WorkflowStatus.NAME, SQLDataType.CLOB)
            .column(WorkflowStatus.AUTHENTICATED_USER, SQLDataType.CLOB)
            .column(WorkflowStatus.ASSUMED_ROLE, SQLDataType.CLOB)
            .column(WorkflowStatus.AUTHENTICATED_ROLES, SQLDataType.CLOB)
            .column(WorkflowStatus.REQUEST, SQLDataType.CLOB)
            .column(WorkflowStatus.OUTPUT, SQLDataType.CLOB)
            .column(WorkflowStatus.ERROR, SQLDataType.CLOB)
            .column(WorkflowStatus.EXECUTOR_ID, SQLDataType.CLOB)
            .column(WorkflowStatus.CREATED_AT, SQLDataType.BIGINT.nullable(false))
            .column(WorkflowStatus.UPDATED_AT, SQLDataType.BIGINT.nullable(false))
            .column(WorkflowStatus.APPLICATION_VERSION, SQLDataType.CLOB)
            .column(WorkflowStatus.APPLICATION_ID, SQLDataType.CLOB)
            .column(WorkflowStatus.CLASS_NAME, SQLDataType.VARCHAR(255))
            .column(WorkflowStatus.CONFIG_NAME, SQLDataType.VARCHAR(255))
            .column(
                WorkflowStatus.RECOVERY_ATTEMPTS,
                SQLDataType.BIGINT.nullable(false).defaultValue(0L))
            .column(WorkflowStatus.QUEUE_NAME, SQLDataType.CLOB)
            .column(WorkflowStatus.WORKFLOW_TIMEOUT_MS, SQLDataType.BIGINT)
            .column(WorkflowStatus.WORKFLOW_DEADLINE_EPOCH_MS, SQLDataType.BIGINT)
            .column(WorkflowStatus.INPUTS, SQLDataType.CLOB)
            .column(WorkflowStatus.STARTED_AT_EPOCH_MS, SQLDataType.BIGINT)
            .column(WorkflowStatus.DEDUPLICATION_ID, SQLDataType.CLOB)
            .column(WorkflowStatus.PRIORITY, SQLDataType.INTEGER.nullable(false).defaultValue(0))
            .column(WorkflowStatus.QUEUE_PARTITION_KEY, SQLDataType.CLOB)
            .column(WorkflowStatus.FORKED_FROM, SQLDataType.CLOB)
            .column(WorkflowStatus.PARENT_WORKFLOW_ID, SQLDataType.CLOB)
            .column(WorkflowStatus.SERIALIZATION, SQLDataType.CLOB)
            .constraints(
                constraint("workflow_status_pkey").primaryKey(WorkflowStatus.WORKFLOW_UUID),
                constraint("uq_workflow_status_queue_name_dedup_id")
                    .unique(WorkflowStatus.QUEUE_NAME, WorkflowStatus.DEDUPLICATION_ID)));
    queries.add(
        dsl.createIndexIfNotExists("workflow_status_created_at_index")
            .on(WorkflowStatus.TABLE, WorkflowStatus.CREATED_AT));
    queries.add(
        dsl.createIndexIfNotExists("workflow_status_executor_id_index")
            .on(WorkflowStatus.TABLE, WorkflowStatus.EXECUTOR_ID));
    queries.add(
        dsl.createIndexIfNotExists("workflow_status_status_index")
            .on(WorkflowStatus.TABLE, WorkflowStatus.STATUS));

    queries.add(
        dsl.createTableIfNotExists(OperationOutputs.TABLE)
            .column(OperationOutputs.WORKFLOW_UUID, SQLDataType.CLOB.nullable(false))
            .column(OperationOutputs.FUNCTION_ID, SQLDataType.INTEGER.nullable(false))
            .column(OperationOutputs.FUNCTION_NAME, SQLDataType.CLOB.nullable(false).defaultValue(""))
            .column(OperationOutputs.OUTPUT, SQLDataType.CLOB)
            .column(OperationOutputs.ERROR, SQLDataType.CLOB)
            .column(OperationOutputs.CHILD_WORKFLOW_ID, SQLDataType.CLOB)
            .column(OperationOutputs.STARTED_AT_EPOCH_MS, SQLDataType.BIGINT)
            .column(OperationOutputs.COMPLETED_AT_EPOCH_MS, SQLDataType.BIGINT)
            .column(OperationOutputs.SERIALIZATION, SQLDataType.CLOB)
            .constraints(
                constraint("operation_outputs_pkey")
                    .primaryKey(OperationOutputs.WORKFLOW_UUID, OperationOutputs.FUNCTION_ID),
                cascadingFromWorkflow("operation_outputs_workflow_uuid_fkey", OperationOutputs.WORKFLOW_UUID)));

    queries.add(
        dsl.createTableIfNotExists(Notifications.TABLE)
            .column(Notifications.DESTINATION_UUID, SQLDataType.CLOB.nullable(false))
            .column(Notifications.TOPIC, SQLDataType.CLOB)
            .column(Notifications.MESSAGE, SQLDataType.CLOB.nullable(false))
            .column(Notifications.CREATED_AT_EPOCH_MS, SQLDataType.BIGINT.nullable(false))
            .column(Notifications.MESSAGE_UUID, SQLDataType.CLOB.nullable(false))
            .column(Notifications.SERIALIZATION, SQLDataType.CLOB)
            .constraints(
                constraint("notifications_pkey").primaryKey(Notifications.MESSAGE_UUID),
                cascadingFromWorkflow("notifications_destination_uuid_fkey", Notifications.DESTINATION_UUID)));
    queries.add(
        dsl.createIndexIfNotExists("idx_workflow_topic")
            .on(Notifications.TABLE, Notifications.DESTINATION_UUID, Notifications.TOPIC));

    queries.add(
        dsl.createTableIfNotExists(WorkflowEvents.TABLE)
            .column(WorkflowEvents.WORKFLOW_UUID, SQLDataType.CLOB.nullable(false))
            .column(WorkflowEvents.KEY, SQLDataType.CLOB.nullable(false))
            .column(WorkflowEvents.VALUE, SQLDataType.CLOB.nullable(false))
            .column(WorkflowEvents.SERIALIZATION, SQLDataType.CLOB)
            .constraints(
                constraint("workflow_events_pkey")
                    .primaryKey(WorkflowEvents.WORKFLOW_UUID, WorkflowEvents.KEY),
                cascadingFromWorkflow("workflow_events_workflow_uuid_fkey", WorkflowEvents.WORKFLOW_UUID)));

    queries.add(
        dsl.createTableIfNotExists(Streams.TABLE)
            .column(Streams.WORKFLOW_UUID, SQLDataType.CLOB.nullable(false))
            .column(Streams.KEY, SQLDataType.CLOB.nullable(false))
            .column(Streams.VALUE, SQLDataType.CLOB.nullable(false))
            .column(Streams.OFFSET, SQLDataType.INTEGER.nullable(false))
            .column(Streams.FUNCTION_ID, SQLDataType.INTEGER.nullable(false).defaultValue(0))
            .column(Streams.SERIALIZATION, SQLDataType.CLOB)
            .constraints(
                constraint("streams_pkey").primaryKey(Streams.WORKFLOW_UUID, Streams.KEY, Streams.OFFSET),
                cascadingFromWorkflow("streams_workflow_uuid_fkey", Streams.WORKFLOW_UUID)));
    return queries;
  }
}
