package io.dbosj.internal.db;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.max;

import io.dbosj.DbosException;
import io.dbosj.internal.db.SystemTables.Migrations;
import io.dbosj.internal.db.SystemTables.Notifications;
import io.dbosj.internal.db.SystemTables.OperationOutputs;
import io.dbosj.internal.db.SystemTables.Streams;
import io.dbosj.internal.db.SystemTables.WorkflowEvents;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import java.util.List;
import org.jooq.Constraint;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/**
 * Creates and upgrades the system database: numbered migrations, each applied once, recorded in
 * {@code dbos_migrations}, all inside one transaction that holds a lock so that processes
 * launching together migrate once. Written once with jOOQ for PostgreSQL and SQLite.
 */
public final class SchemaMigrations {
  private static final long POSTGRES_LOCK_KEY = 0x64626f736a4d4947L;

  private record Migration(long version, String description, Step apply) {}

  @FunctionalInterface
  private interface Step {
    void apply(DSLContext dsl);
  }

  private static final List<Migration> MIGRATIONS =
      List.of(new Migration(1, "workflow status, step outputs, messages, events, streams",
          SchemaMigrations::createWorkflowTables));

  private SchemaMigrations() {}

  /** The newest schema version this library knows. */
  public static long latestVersion() {
    return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
  }

  /** Applies every migration the database lacks; returns the schema version it is now at. */
  public static long migrate(SystemDatabase db) {
    return db.inTransaction(
        connection -> {
          DSLContext dsl = db.dsl(connection);
          if (db.isPostgres()) {
            dsl.execute("select pg_advisory_xact_lock(?)", POSTGRES_LOCK_KEY);
            dsl.createSchemaIfNotExists(SystemTables.SCHEMA).execute();
          }
          dsl.createTableIfNotExists(Migrations.TABLE)
              .column(Migrations.VERSION, SQLDataType.BIGINT.nullable(false))
              .primaryKey(Migrations.VERSION)
              .execute();
          Long recorded = dsl.select(max(Migrations.VERSION)).from(Migrations.TABLE).fetchOne(0, Long.class);
          long current = recorded == null ? 0 : recorded;
          if (current > latestVersion()) {
            throw new DbosException(
                "the system database "
                    + db.url()
                    + " is at schema version "
                    + current
                    + ", newer than this io.dbosj knows ("
                    + latestVersion()
                    + "); upgrade io.dbosj or point it at another database");
          }
          for (Migration migration : MIGRATIONS) {
            if (migration.version() > current) {
              migration.apply().apply(dsl);
              dsl.insertInto(Migrations.TABLE).set(Migrations.VERSION, migration.version()).execute();
              current = migration.version();
            }
          }
          return current;
        });
  }

  /** A foreign key to the workflow's row, so a workflow's records go where it goes. */
  private static Constraint cascadingFromWorkflow(String name, Field<String> workflowId) {
    return constraint(name)
        .foreignKey(workflowId)
        .references(WorkflowStatus.TABLE, WorkflowStatus.WORKFLOW_UUID)
        .onUpdateCascade()
        .onDeleteCascade();
  }

  /** Drops every system table (the whole {@code dbos} schema on PostgreSQL): all records go. */
  public static void reset(SystemDatabase db) {
    db.inTransaction(
        connection -> {
          DSLContext dsl = db.dsl(connection);
          if (db.isPostgres()) {
            dsl.dropSchemaIfExists(SystemTables.SCHEMA).cascade().execute();
          } else {
            for (org.jooq.Table<?> table :
                List.of(Streams.TABLE, WorkflowEvents.TABLE, Notifications.TABLE, OperationOutputs.TABLE,
                    SystemTables.TransactionOutputs.TABLE, WorkflowStatus.TABLE, Migrations.TABLE)) {
              dsl.dropTableIfExists(table).execute();
            }
          }
          return null;
        });
  }

  private static void createWorkflowTables(DSLContext dsl) {
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
                .unique(WorkflowStatus.QUEUE_NAME, WorkflowStatus.DEDUPLICATION_ID))
        .execute();
    dsl.createIndexIfNotExists("workflow_status_created_at_index")
        .on(WorkflowStatus.TABLE, WorkflowStatus.CREATED_AT)
        .execute();
    dsl.createIndexIfNotExists("workflow_status_executor_id_index")
        .on(WorkflowStatus.TABLE, WorkflowStatus.EXECUTOR_ID)
        .execute();
    dsl.createIndexIfNotExists("workflow_status_status_index")
        .on(WorkflowStatus.TABLE, WorkflowStatus.STATUS)
        .execute();

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
            cascadingFromWorkflow("operation_outputs_workflow_uuid_fkey", OperationOutputs.WORKFLOW_UUID))
        .execute();

    dsl.createTableIfNotExists(Notifications.TABLE)
        .column(Notifications.DESTINATION_UUID, SQLDataType.CLOB.nullable(false))
        .column(Notifications.TOPIC, SQLDataType.CLOB)
        .column(Notifications.MESSAGE, SQLDataType.CLOB.nullable(false))
        .column(Notifications.CREATED_AT_EPOCH_MS, SQLDataType.BIGINT.nullable(false))
        .column(Notifications.MESSAGE_UUID, SQLDataType.CLOB.nullable(false))
        .column(Notifications.SERIALIZATION, SQLDataType.CLOB)
        .constraints(
            constraint("notifications_pkey").primaryKey(Notifications.MESSAGE_UUID),
            cascadingFromWorkflow("notifications_destination_uuid_fkey", Notifications.DESTINATION_UUID))
        .execute();
    dsl.createIndexIfNotExists("idx_workflow_topic")
        .on(Notifications.TABLE, Notifications.DESTINATION_UUID, Notifications.TOPIC)
        .execute();

    dsl.createTableIfNotExists(WorkflowEvents.TABLE)
        .column(WorkflowEvents.WORKFLOW_UUID, SQLDataType.CLOB.nullable(false))
        .column(WorkflowEvents.KEY, SQLDataType.CLOB.nullable(false))
        .column(WorkflowEvents.VALUE, SQLDataType.CLOB.nullable(false))
        .column(WorkflowEvents.SERIALIZATION, SQLDataType.CLOB)
        .constraints(
            constraint("workflow_events_pkey")
                .primaryKey(WorkflowEvents.WORKFLOW_UUID, WorkflowEvents.KEY),
            cascadingFromWorkflow("workflow_events_workflow_uuid_fkey", WorkflowEvents.WORKFLOW_UUID))
        .execute();

    dsl.createTableIfNotExists(Streams.TABLE)
        .column(Streams.WORKFLOW_UUID, SQLDataType.CLOB.nullable(false))
        .column(Streams.KEY, SQLDataType.CLOB.nullable(false))
        .column(Streams.VALUE, SQLDataType.CLOB.nullable(false))
        .column(Streams.OFFSET, SQLDataType.INTEGER.nullable(false))
        .column(Streams.FUNCTION_ID, SQLDataType.INTEGER.nullable(false).defaultValue(0))
        .column(Streams.SERIALIZATION, SQLDataType.CLOB)
        .constraints(
            constraint("streams_pkey").primaryKey(Streams.WORKFLOW_UUID, Streams.KEY, Streams.OFFSET),
            cascadingFromWorkflow("streams_workflow_uuid_fkey", Streams.WORKFLOW_UUID))
        .execute();
  }
}
