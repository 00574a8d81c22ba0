package io.dbosj.internal.db;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.List;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The one definition of the system database's tables, with DBOS's table and column names, for
 * both PostgreSQL (schema {@code dbos}) and SQLite (no schemas: rendered without it).
 */
final class SystemTables {
  private SystemTables() {}

  static final String SCHEMA = "dbos";

  /** {@code dbos.workflow_status}: one row per workflow. */
  static final class WorkflowStatus {
    static final Table<Record> TABLE = table(name(SCHEMA, "workflow_status"));
    static final Field<String> WORKFLOW_UUID = field(name("workflow_uuid"), SQLDataType.CLOB);
    static final Field<String> STATUS = field(name("status"), SQLDataType.CLOB);
    static final Field<String> NAME = field(name("name"), SQLDataType.CLOB);
    static final Field<String> AUTHENTICATED_USER =
        field(name("authenticated_user"), SQLDataType.CLOB);
    static final Field<String> ASSUMED_ROLE = field(name("assumed_role"), SQLDataType.CLOB);
    static final Field<String> AUTHENTICATED_ROLES =
        field(name("authenticated_roles"), SQLDataType.CLOB);
    static final Field<String> REQUEST = field(name("request"), SQLDataType.CLOB);
    static final Field<String> OUTPUT = field(name("output"), SQLDataType.CLOB);
    static final Field<String> ERROR = field(name("error"), SQLDataType.CLOB);
    static final Field<String> EXECUTOR_ID = field(name("executor_id"), SQLDataType.CLOB);
    static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
    static final Field<Long> UPDATED_AT = field(name("updated_at"), SQLDataType.BIGINT);
    static final Field<String> APPLICATION_VERSION =
        field(name("application_version"), SQLDataType.CLOB);
    static final Field<String> APPLICATION_ID = field(name("application_id"), SQLDataType.CLOB);
    static final Field<String> CLASS_NAME = field(name("class_name"), SQLDataType.VARCHAR(255));
    static final Field<String> CONFIG_NAME = field(name("config_name"), SQLDataType.VARCHAR(255));
    static final Field<Long> RECOVERY_ATTEMPTS =
        field(name("recovery_attempts"), SQLDataType.BIGINT);
    static final Field<String> QUEUE_NAME = field(name("queue_name"), SQLDataType.CLOB);
    static final Field<Long> WORKFLOW_TIMEOUT_MS =
        field(name("workflow_timeout_ms"), SQLDataType.BIGINT);
    static final Field<Long> WORKFLOW_DEADLINE_EPOCH_MS =
        field(name("workflow_deadline_epoch_ms"), SQLDataType.BIGINT);
    static final Field<String> INPUTS = field(name("inputs"), SQLDataType.CLOB);
    static final Field<Long> STARTED_AT_EPOCH_MS =
        field(name("started_at_epoch_ms"), SQLDataType.BIGINT);
    static final Field<String> DEDUPLICATION_ID =
        field(name("deduplication_id"), SQLDataType.CLOB);
    static final Field<Integer> PRIORITY = field(name("priority"), SQLDataType.INTEGER);
    static final Field<String> QUEUE_PARTITION_KEY =
        field(name("queue_partition_key"), SQLDataType.CLOB);
    static final Field<String> FORKED_FROM = field(name("forked_from"), SQLDataType.CLOB);
    static final Field<String> PARENT_WORKFLOW_ID =
        field(name("parent_workflow_id"), SQLDataType.CLOB);
    static final Field<String> SERIALIZATION = field(name("serialization"), SQLDataType.CLOB);
    static final Field<String> OWNER_XID = field(name("owner_xid"), SQLDataType.CLOB);
    static final Field<Long> DELAY_UNTIL_EPOCH_MS = field(name("delay_until_epoch_ms"), SQLDataType.BIGINT);
    static final Field<Boolean> WAS_FORKED_FROM = field(name("was_forked_from"), SQLDataType.BOOLEAN);
    static final Field<Boolean> RATE_LIMITED = field(name("rate_limited"), SQLDataType.BOOLEAN);
    static final Field<Long> COMPLETED_AT = field(name("completed_at"), SQLDataType.BIGINT);
    static final Field<JSONB> ATTRIBUTES = field(name("attributes"), SQLDataType.JSONB);
    static final Field<String> SCHEDULE_NAME = field(name("schedule_name"), SQLDataType.CLOB);
    static final Field<Long> DEBOUNCE_DEADLINE_EPOCH_MS =
        field(name("debounce_deadline_epoch_ms"), SQLDataType.BIGINT);
    static final Field<Boolean> IS_DEBOUNCED = field(name("is_debounced"), SQLDataType.BOOLEAN);
    static final Field<String> APPLICATION_NAME = field(name("application_name"), SQLDataType.CLOB);
    static final Field<String> CREATOR_XID = field(name("creator_xid"), SQLDataType.CLOB);

    /** The columns of a {@link StatusRow}, in the order {@link WorkflowStore#readRow} reads them. */
    static final List<Field<?>> ROW_COLUMNS =
        List.of(
            WORKFLOW_UUID,
            STATUS,
            NAME,
            CLASS_NAME,
            CONFIG_NAME,
            INPUTS,
            OUTPUT,
            ERROR,
            EXECUTOR_ID,
            APPLICATION_VERSION,
            QUEUE_NAME,
            RECOVERY_ATTEMPTS,
            CREATED_AT,
            UPDATED_AT,
            WORKFLOW_DEADLINE_EPOCH_MS,
            WORKFLOW_TIMEOUT_MS,
            SERIALIZATION,
            QUEUE_PARTITION_KEY,
            DELAY_UNTIL_EPOCH_MS);

    /** What else a row records that DBOS's admin API shows: read after a row's columns, by {@code WorkflowStore.listDetailed}. */
    static final List<Field<?>> DETAIL_COLUMNS =
        List.of(
            AUTHENTICATED_USER, ASSUMED_ROLE, AUTHENTICATED_ROLES, REQUEST, PRIORITY, DEDUPLICATION_ID,
            QUEUE_PARTITION_KEY, FORKED_FROM, PARENT_WORKFLOW_ID, STARTED_AT_EPOCH_MS, WAS_FORKED_FROM,
            DELAY_UNTIL_EPOCH_MS, COMPLETED_AT, ATTRIBUTES, SCHEDULE_NAME);

    /**
     * {@link #ROW_COLUMNS}, reading inputs, output and error from DBOS TS's payload tables where
     * it wrote them, and from this row otherwise, if {@code payloadTables}.
     */
    static List<Field<?>> rowColumns(boolean payloadTables) {
      if (!payloadTables) {
        return ROW_COLUMNS;
      }
      List<Field<?>> columns = new java.util.ArrayList<>(ROW_COLUMNS);
      columns.set(ROW_COLUMNS.indexOf(INPUTS), fromPayloadTable(WorkflowInput.TABLE, INPUTS));
      columns.set(ROW_COLUMNS.indexOf(OUTPUT), fromPayloadTable(WorkflowOutput.TABLE, OUTPUT));
      columns.set(ROW_COLUMNS.indexOf(ERROR), fromPayloadTable(WorkflowOutput.TABLE, ERROR));
      return List.copyOf(columns);
    }

    /** {@code column} of this workflow from {@code payloads}, else from {@code workflow_status}. */
    static Field<String> fromPayloadTable(Table<Record> payloads, Field<String> column) {
      // spelled out: the tables' fields render unqualified, which would make this compare a column with itself
      return org.jooq.impl.DSL.field(
          "coalesce((select payload.{0} from {1} as payload where payload.workflow_uuid = {2}.workflow_uuid), {2}.{0})",
          String.class,
          name(column.getName()),
          payloads,
          TABLE);
    }

    /** The columns a new workflow's row binds, in the order {@code WorkflowStore} binds them. */
    static final List<Field<?>> NEW_ROW_COLUMNS =
        List.of(
            WORKFLOW_UUID,
            STATUS,
            NAME,
            CLASS_NAME,
            CONFIG_NAME,
            INPUTS,
            EXECUTOR_ID,
            APPLICATION_VERSION,
            PARENT_WORKFLOW_ID,
            CREATED_AT,
            UPDATED_AT,
            STARTED_AT_EPOCH_MS,
            QUEUE_NAME,
            DEDUPLICATION_ID,
            PRIORITY,
            FORKED_FROM,
            WORKFLOW_TIMEOUT_MS,
            WORKFLOW_DEADLINE_EPOCH_MS,
            SERIALIZATION,
            ATTRIBUTES,
            QUEUE_PARTITION_KEY,
            DELAY_UNTIL_EPOCH_MS);

    private WorkflowStatus() {}
  }

  /** {@code dbos.operation_outputs}: one row per recorded step of a workflow. */
  static final class OperationOutputs {
    static final Table<Record> TABLE = table(name(SCHEMA, "operation_outputs"));
    static final Field<String> WORKFLOW_UUID = field(name("workflow_uuid"), SQLDataType.CLOB);
    static final Field<Integer> FUNCTION_ID = field(name("function_id"), SQLDataType.INTEGER);
    static final Field<String> FUNCTION_NAME = field(name("function_name"), SQLDataType.CLOB);
    static final Field<String> OUTPUT = field(name("output"), SQLDataType.CLOB);
    static final Field<String> ERROR = field(name("error"), SQLDataType.CLOB);
    static final Field<String> CHILD_WORKFLOW_ID =
        field(name("child_workflow_id"), SQLDataType.CLOB);
    static final Field<Long> STARTED_AT_EPOCH_MS =
        field(name("started_at_epoch_ms"), SQLDataType.BIGINT);
    static final Field<Long> COMPLETED_AT_EPOCH_MS =
        field(name("completed_at_epoch_ms"), SQLDataType.BIGINT);
    static final Field<String> SERIALIZATION = field(name("serialization"), SQLDataType.CLOB);
    static final Field<String> APPLICATION_NAME = field(name("application_name"), SQLDataType.CLOB);
    static final Field<Long> RETENTION_TIMESTAMP = field(name("retention_timestamp"), SQLDataType.BIGINT);

    /** The columns a step record writes, in order. */
    static final List<Field<?>> RECORD_COLUMNS =
        List.of(
            WORKFLOW_UUID,
            FUNCTION_ID,
            FUNCTION_NAME,
            OUTPUT,
            ERROR,
            CHILD_WORKFLOW_ID,
            STARTED_AT_EPOCH_MS,
            COMPLETED_AT_EPOCH_MS,
            SERIALIZATION);

    private OperationOutputs() {}
  }

  /** {@code dbos.notifications}: messages sent to workflows. */
  static final class Notifications {
    static final Table<Record> TABLE = table(name(SCHEMA, "notifications"));
    static final Field<String> DESTINATION_UUID =
        field(name("destination_uuid"), SQLDataType.CLOB);
    static final Field<String> TOPIC = field(name("topic"), SQLDataType.CLOB);
    static final Field<String> MESSAGE = field(name("message"), SQLDataType.CLOB);
    static final Field<Long> CREATED_AT_EPOCH_MS =
        field(name("created_at_epoch_ms"), SQLDataType.BIGINT);
    static final Field<String> MESSAGE_UUID = field(name("message_uuid"), SQLDataType.CLOB);
    static final Field<String> SERIALIZATION = field(name("serialization"), SQLDataType.CLOB);
    static final Field<Boolean> CONSUMED = field(name("consumed"), SQLDataType.BOOLEAN);
    static final Field<Integer> CONSUMED_BY_FUNCTION_ID = field(name("consumed_by_function_id"), SQLDataType.INTEGER);

    private Notifications() {}
  }

  /** {@code dbos.workflow_events}: key-value events a workflow publishes. */
  static final class WorkflowEvents {
    static final Table<Record> TABLE = table(name(SCHEMA, "workflow_events"));
    static final Field<String> WORKFLOW_UUID = field(name("workflow_uuid"), SQLDataType.CLOB);
    static final Field<String> KEY = field(name("key"), SQLDataType.CLOB);
    static final Field<String> VALUE = field(name("value"), SQLDataType.CLOB);
    static final Field<String> SERIALIZATION = field(name("serialization"), SQLDataType.CLOB);

    private WorkflowEvents() {}
  }

  /** {@code dbos.streams}: ordered values a workflow writes to named streams. */
  static final class Streams {
    static final Table<Record> TABLE = table(name(SCHEMA, "streams"));
    static final Field<String> WORKFLOW_UUID = field(name("workflow_uuid"), SQLDataType.CLOB);
    static final Field<String> KEY = field(name("key"), SQLDataType.CLOB);
    static final Field<String> VALUE = field(name("value"), SQLDataType.CLOB);
    static final Field<Integer> OFFSET = field(name("offset"), SQLDataType.INTEGER);
    static final Field<Integer> FUNCTION_ID = field(name("function_id"), SQLDataType.INTEGER);
    static final Field<String> SERIALIZATION = field(name("serialization"), SQLDataType.CLOB);

    /** The columns a stream value writes, in order. */
    static final List<Field<?>> ROW_COLUMNS = List.of(WORKFLOW_UUID, KEY, VALUE, OFFSET, FUNCTION_ID, SERIALIZATION);

    private Streams() {}
  }

  /**
   * {@code dbos.workflow_input}: a workflow's inputs, where DBOS TS (since its migration 109) and
   * its {@code enqueue_workflow} function write them; io.dbosj writes them into {@code
   * workflow_status.inputs}, which every DBOS SDK reads too, and reads both.
   */
  static final class WorkflowInput {
    static final Table<Record> TABLE = table(name(SCHEMA, "workflow_input"));
    static final Field<String> WORKFLOW_UUID = field(name("workflow_uuid"), SQLDataType.CLOB);
    static final Field<String> INPUTS = field(name("inputs"), SQLDataType.CLOB);
    static final Field<Long> RETENTION_TIMESTAMP = field(name("retention_timestamp"), SQLDataType.BIGINT);

    private WorkflowInput() {}
  }

  /** {@code dbos.workflow_output}: a workflow's outcome where DBOS TS writes it (see {@link WorkflowInput}). */
  static final class WorkflowOutput {
    static final Table<Record> TABLE = table(name(SCHEMA, "workflow_output"));
    static final Field<String> WORKFLOW_UUID = field(name("workflow_uuid"), SQLDataType.CLOB);
    static final Field<String> OUTPUT = field(name("output"), SQLDataType.CLOB);
    static final Field<String> ERROR = field(name("error"), SQLDataType.CLOB);
    static final Field<Long> RETENTION_TIMESTAMP = field(name("retention_timestamp"), SQLDataType.BIGINT);

    private WorkflowOutput() {}
  }

  /** {@code dbos.workflow_events_history}: every value each event had, by the step that set it. */
  static final class WorkflowEventsHistory {
    static final Table<Record> TABLE = table(name(SCHEMA, "workflow_events_history"));
    static final Field<String> WORKFLOW_UUID = field(name("workflow_uuid"), SQLDataType.CLOB);
    static final Field<Integer> FUNCTION_ID = field(name("function_id"), SQLDataType.INTEGER);
    static final Field<String> KEY = field(name("key"), SQLDataType.CLOB);
    static final Field<String> VALUE = field(name("value"), SQLDataType.CLOB);
    static final Field<String> SERIALIZATION = field(name("serialization"), SQLDataType.CLOB);

    /** The columns a history row writes, in order. */
    static final List<Field<?>> ROW_COLUMNS = List.of(WORKFLOW_UUID, FUNCTION_ID, KEY, VALUE, SERIALIZATION);

    private WorkflowEventsHistory() {}
  }

  /** {@code dbos.application_versions}: DBOS's registry of application versions. */
  static final class ApplicationVersions {
    static final Table<Record> TABLE = table(name(SCHEMA, "application_versions"));
    static final Field<String> VERSION_ID = field(name("version_id"), SQLDataType.CLOB);
    static final Field<String> VERSION_NAME = field(name("version_name"), SQLDataType.CLOB);
    static final Field<Long> VERSION_TIMESTAMP = field(name("version_timestamp"), SQLDataType.BIGINT);
    static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
    static final Field<String> APPLICATION_NAME = field(name("application_name"), SQLDataType.CLOB);

    private ApplicationVersions() {}
  }

  /** {@code dbos.event_dispatch_kv}: DBOS's state of event receivers. */
  static final class EventDispatchKv {
    static final Table<Record> TABLE = table(name(SCHEMA, "event_dispatch_kv"));
    static final Field<String> SERVICE_NAME = field(name("service_name"), SQLDataType.CLOB);
    static final Field<String> WORKFLOW_FN_NAME = field(name("workflow_fn_name"), SQLDataType.CLOB);
    static final Field<String> KEY = field(name("key"), SQLDataType.CLOB);
    static final Field<String> VALUE = field(name("value"), SQLDataType.CLOB);
    static final Field<java.math.BigDecimal> UPDATE_SEQ = field(name("update_seq"), SQLDataType.NUMERIC(38, 0));
    static final Field<java.math.BigDecimal> UPDATE_TIME = field(name("update_time"), SQLDataType.NUMERIC(38, 15));

    private EventDispatchKv() {}
  }

  /** {@code dbos.queues}: queues declared in the database, as DBOS's tools create them. */
  static final class Queues {
    static final Table<Record> TABLE = table(name(SCHEMA, "queues"));
    static final Field<String> QUEUE_ID = field(name("queue_id"), SQLDataType.CLOB);
    static final Field<String> NAME = field(name("name"), SQLDataType.CLOB);
    static final Field<Integer> CONCURRENCY = field(name("concurrency"), SQLDataType.INTEGER);
    static final Field<Integer> WORKER_CONCURRENCY = field(name("worker_concurrency"), SQLDataType.INTEGER);
    static final Field<Integer> RATE_LIMIT_MAX = field(name("rate_limit_max"), SQLDataType.INTEGER);
    static final Field<Double> RATE_LIMIT_PERIOD_SEC = field(name("rate_limit_period_sec"), SQLDataType.DOUBLE);
    static final Field<Boolean> PRIORITY_ENABLED = field(name("priority_enabled"), SQLDataType.BOOLEAN);
    static final Field<Boolean> PARTITION_QUEUE = field(name("partition_queue"), SQLDataType.BOOLEAN);
    static final Field<Double> POLLING_INTERVAL_SEC = field(name("polling_interval_sec"), SQLDataType.DOUBLE);
    static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
    static final Field<Long> UPDATED_AT = field(name("updated_at"), SQLDataType.BIGINT);
    static final Field<String> APPLICATION_NAME = field(name("application_name"), SQLDataType.CLOB);
    static final Field<Integer> PARTITION_CONCURRENCY = field(name("partition_concurrency"), SQLDataType.INTEGER);
    static final Field<Integer> PARTITION_WORKER_CONCURRENCY =
        field(name("partition_worker_concurrency"), SQLDataType.INTEGER);
    static final Field<Integer> PARTITION_RATE_LIMIT_MAX = field(name("partition_rate_limit_max"), SQLDataType.INTEGER);
    static final Field<Double> PARTITION_RATE_LIMIT_PERIOD_SEC =
        field(name("partition_rate_limit_period_sec"), SQLDataType.DOUBLE);

    private Queues() {}
  }

  /** {@code dbos.workflow_schedules}: schedules declared in the database, as DBOS's tools create them. */
  static final class WorkflowSchedules {
    static final Table<Record> TABLE = table(name(SCHEMA, "workflow_schedules"));
    static final Field<String> SCHEDULE_ID = field(name("schedule_id"), SQLDataType.CLOB);
    static final Field<String> SCHEDULE_NAME = field(name("schedule_name"), SQLDataType.CLOB);
    static final Field<String> WORKFLOW_NAME = field(name("workflow_name"), SQLDataType.CLOB);
    static final Field<String> WORKFLOW_CLASS_NAME = field(name("workflow_class_name"), SQLDataType.CLOB);
    static final Field<String> SCHEDULE = field(name("schedule"), SQLDataType.CLOB);
    static final Field<String> STATUS = field(name("status"), SQLDataType.CLOB);
    static final Field<String> CONTEXT = field(name("context"), SQLDataType.CLOB);
    static final Field<String> LAST_FIRED_AT = field(name("last_fired_at"), SQLDataType.CLOB);
    static final Field<Boolean> AUTOMATIC_BACKFILL = field(name("automatic_backfill"), SQLDataType.BOOLEAN);
    static final Field<String> CRON_TIMEZONE = field(name("cron_timezone"), SQLDataType.CLOB);
    static final Field<String> QUEUE_NAME = field(name("queue_name"), SQLDataType.CLOB);
    static final Field<String> APPLICATION_NAME = field(name("application_name"), SQLDataType.CLOB);

    private WorkflowSchedules() {}
  }

  /**
   * {@code dbos.transaction_outputs}, in the application database: each {@code @Transaction}'s
   * outcome, written in the transaction itself.
   */
  static final class TransactionOutputs {
    static final Table<Record> TABLE = table(name(SCHEMA, "transaction_outputs"));
    static final Field<String> WORKFLOW_UUID = field(name("workflow_uuid"), SQLDataType.CLOB);
    static final Field<Integer> FUNCTION_ID = field(name("function_id"), SQLDataType.INTEGER);
    static final Field<String> OUTPUT = field(name("output"), SQLDataType.CLOB);
    static final Field<String> ERROR = field(name("error"), SQLDataType.CLOB);
    static final Field<String> TXN_ID = field(name("txn_id"), SQLDataType.CLOB);
    static final Field<String> TXN_SNAPSHOT = field(name("txn_snapshot"), SQLDataType.CLOB);
    static final Field<String> EXECUTOR_ID = field(name("executor_id"), SQLDataType.CLOB);
    static final Field<String> FUNCTION_NAME = field(name("function_name"), SQLDataType.CLOB);
    static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);

    /** The columns a transaction's record writes, in order. */
    static final List<Field<?>> RECORD_COLUMNS =
        List.of(WORKFLOW_UUID, FUNCTION_ID, FUNCTION_NAME, OUTPUT, ERROR, EXECUTOR_ID, CREATED_AT);

    private TransactionOutputs() {}
  }

  /**
   * {@code dbos.dbosj_executors}, ours and not DBOS's (DBOS's tools never read it, and it is
   * outside DBOS's numbered migrations): one row per executor ID, the process that holds it,
   * its heartbeat, and who took over its work.
   */
  static final class Executors {
    static final Table<Record> TABLE = table(name(SCHEMA, "dbosj_executors"));
    static final Field<String> EXECUTOR_ID = field(name("executor_id"), SQLDataType.CLOB);
    /** A random ID per launch: which holder of the executor ID a heartbeat or a stop is from. */
    static final Field<String> INSTANCE_ID = field(name("instance_id"), SQLDataType.CLOB);
    static final Field<String> HOST = field(name("host"), SQLDataType.CLOB);
    static final Field<Long> PID = field(name("pid"), SQLDataType.BIGINT);
    static final Field<String> APPLICATION_VERSION = field(name("application_version"), SQLDataType.CLOB);
    static final Field<Long> STARTED_AT = field(name("started_at"), SQLDataType.BIGINT);
    static final Field<Long> HEARTBEAT_AT = field(name("heartbeat_at"), SQLDataType.BIGINT);
    static final Field<Long> STOPPED_AT = field(name("stopped_at"), SQLDataType.BIGINT);
    static final Field<String> TAKEN_OVER_BY = field(name("taken_over_by"), SQLDataType.CLOB);
    static final Field<Long> TAKEN_OVER_AT = field(name("taken_over_at"), SQLDataType.BIGINT);

    /** The columns a holder writes when it takes the ID, in order. */
    static final List<Field<?>> HOLDER_COLUMNS =
        List.of(EXECUTOR_ID, INSTANCE_ID, HOST, PID, APPLICATION_VERSION, STARTED_AT, HEARTBEAT_AT);

    /** The columns of an {@code ExecutorRow}, in order. */
    static final List<Field<?>> ROW_COLUMNS =
        List.of(
            EXECUTOR_ID, INSTANCE_ID, HOST, PID, APPLICATION_VERSION, STARTED_AT, HEARTBEAT_AT, STOPPED_AT,
            TAKEN_OVER_BY, TAKEN_OVER_AT);

    private Executors() {}
  }

  /**
   * {@code dbos.dbosj_executor_scopes}, ours: which recorded workflows the code of each executor's
   * latest holder can run ({@code RunnableScope}), so a listing can say which ones no process can.
   */
  static final class ExecutorScopes {
    static final Table<Record> TABLE = table(name(SCHEMA, "dbosj_executor_scopes"));
    static final Field<String> EXECUTOR_ID = field(name("executor_id"), SQLDataType.CLOB);
    static final Field<String> APPLICATION_VERSION = field(name("application_version"), SQLDataType.CLOB);
    /** A JSON array of workflow fingerprints. */
    static final Field<String> FINGERPRINTS = field(name("fingerprints"), SQLDataType.CLOB);

    private ExecutorScopes() {}
  }

  /**
   * {@code dbosj_queue_registrations}, this project's own: the limits each queue was last
   * registered with in code, so a launch tells a deploy that changed them (which writes them to
   * {@code dbos.queues}) from a restart (which keeps what was set there at run time).
   */
  static final class QueueRegistrations {
    static final Table<Record> TABLE = table(name(SCHEMA, "dbosj_queue_registrations"));
    static final Field<String> NAME = field(name("name"), SQLDataType.CLOB);
    /** The limits, as {@code QueueLimits#toString()} spells them. */
    static final Field<String> LIMITS = field(name("limits"), SQLDataType.CLOB);
    static final Field<Long> REGISTERED_AT = field(name("registered_at"), SQLDataType.BIGINT);

    private QueueRegistrations() {}
  }

  /** {@code dbos.dbos_migrations}: the schema versions applied. */
  static final class Migrations {
    static final Table<Record> TABLE = table(name(SCHEMA, "dbos_migrations"));
    static final Field<Long> VERSION = field(name("version"), SQLDataType.BIGINT);

    private Migrations() {}
  }
}
