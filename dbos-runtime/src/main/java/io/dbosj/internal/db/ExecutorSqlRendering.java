package io.dbosj.internal.db;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;
import io.dbosj.WorkflowState;
import io.dbosj.internal.db.SystemTables.ApplicationVersions;
import io.dbosj.internal.db.SystemTables.ExecutorScopes;
import io.dbosj.internal.db.SystemTables.Executors;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.SQLDataType;

/**
 * The definition, with jOOQ over {@link SystemTables}, of the statements on {@code dbosj_executors},
 * this project's own table of the processes sharing a system database. Rendered into {@link
 * RenderedSql} with the others; nothing calls this at run time.
 */
final class ExecutorSqlRendering {
  private ExecutorSqlRendering() {}

  static SystemSql.Executors executors(DSLContext sql, boolean postgres) {
    List<Query> create = new ArrayList<>();
    if (postgres) {
      create.add(sql.createSchemaIfNotExists(SystemTables.SCHEMA));
    }
    create.add(
        sql.createTableIfNotExists(Executors.TABLE)
            .column(Executors.EXECUTOR_ID, SQLDataType.CLOB.nullable(false))
            .column(Executors.INSTANCE_ID, SQLDataType.CLOB.nullable(false))
            .column(Executors.HOST, SQLDataType.CLOB)
            .column(Executors.PID, SQLDataType.BIGINT)
            .column(Executors.APPLICATION_VERSION, SQLDataType.CLOB)
            .column(Executors.STARTED_AT, SQLDataType.BIGINT.nullable(false))
            .column(Executors.HEARTBEAT_AT, SQLDataType.BIGINT.nullable(false))
            .column(Executors.STOPPED_AT, SQLDataType.BIGINT)
            .column(Executors.TAKEN_OVER_BY, SQLDataType.CLOB)
            .column(Executors.TAKEN_OVER_AT, SQLDataType.BIGINT)
            .constraints(constraint("dbosj_executors_pkey").primaryKey(Executors.EXECUTOR_ID)));
    create.add(
        sql.createTableIfNotExists(ExecutorScopes.TABLE)
            .column(ExecutorScopes.EXECUTOR_ID, SQLDataType.CLOB.nullable(false))
            .column(ExecutorScopes.APPLICATION_VERSION, SQLDataType.CLOB.nullable(false))
            .column(ExecutorScopes.FINGERPRINTS, SQLDataType.CLOB.nullable(false))
            .constraints(constraint("dbosj_executor_scopes_pkey").primaryKey(ExecutorScopes.EXECUTOR_ID)));
    String recordScope =
        sql.insertInto(ExecutorScopes.TABLE)
            .columns(ExecutorScopes.EXECUTOR_ID, ExecutorScopes.APPLICATION_VERSION, ExecutorScopes.FINGERPRINTS)
            .values(
                val(null, ExecutorScopes.EXECUTOR_ID), val(null, ExecutorScopes.APPLICATION_VERSION),
                val(null, ExecutorScopes.FINGERPRINTS))
            .onConflict(ExecutorScopes.EXECUTOR_ID)
            .doUpdate()
            .set(ExecutorScopes.APPLICATION_VERSION, org.jooq.impl.DSL.excluded(ExecutorScopes.APPLICATION_VERSION))
            .set(ExecutorScopes.FINGERPRINTS, org.jooq.impl.DSL.excluded(ExecutorScopes.FINGERPRINTS))
            .getSQL();
    String selectScopes =
        sql.select(ExecutorScopes.EXECUTOR_ID, ExecutorScopes.APPLICATION_VERSION, ExecutorScopes.FINGERPRINTS)
            .from(ExecutorScopes.TABLE)
            .getSQL();
    String selectWorkflowScope =
        sql.select(WorkflowStatus.STATUS, WorkflowStatus.APPLICATION_VERSION, RunnableScopeSql.fingerprint(postgres))
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .getSQL();
    String insert =
        sql.insertInto(Executors.TABLE)
            .columns(Executors.HOLDER_COLUMNS)
            .values(SystemSqlRendering.binds(Executors.HOLDER_COLUMNS))
            .onConflictDoNothing()
            .getSQL();
    // takes the ID from a holder that stopped, whose heartbeat lapsed, or that is known dead
    String replace =
        sql.update(Executors.TABLE)
            .set(Executors.INSTANCE_ID, val(null, Executors.INSTANCE_ID))
            .set(Executors.HOST, val(null, Executors.HOST))
            .set(Executors.PID, val(null, Executors.PID))
            .set(Executors.APPLICATION_VERSION, val(null, Executors.APPLICATION_VERSION))
            .set(Executors.STARTED_AT, val(null, Executors.STARTED_AT))
            .set(Executors.HEARTBEAT_AT, val(null, Executors.HEARTBEAT_AT))
            .set(Executors.STOPPED_AT, inline((Long) null, Executors.STOPPED_AT))
            .set(Executors.TAKEN_OVER_BY, inline((String) null, Executors.TAKEN_OVER_BY))
            .set(Executors.TAKEN_OVER_AT, inline((Long) null, Executors.TAKEN_OVER_AT))
            .where(Executors.EXECUTOR_ID.eq(val(null, Executors.EXECUTOR_ID)))
            .and(
                Executors.STOPPED_AT.isNotNull()
                    .or(Executors.HEARTBEAT_AT.lt(val(null, Executors.HEARTBEAT_AT)))
                    .or(Executors.INSTANCE_ID.eq(val(null, Executors.INSTANCE_ID))))
            .getSQL();
    String selectOne =
        sql.select(Executors.ROW_COLUMNS)
            .from(Executors.TABLE)
            .where(Executors.EXECUTOR_ID.eq(val(null, Executors.EXECUTOR_ID)))
            .getSQL();
    String selectAll =
        sql.select(Executors.ROW_COLUMNS).from(Executors.TABLE).orderBy(Executors.STARTED_AT, Executors.EXECUTOR_ID).getSQL();
    String heartbeat =
        sql.update(Executors.TABLE)
            .set(Executors.HEARTBEAT_AT, val(null, Executors.HEARTBEAT_AT))
            .where(Executors.EXECUTOR_ID.eq(val(null, Executors.EXECUTOR_ID)))
            .and(Executors.INSTANCE_ID.eq(val(null, Executors.INSTANCE_ID)))
            .and(Executors.TAKEN_OVER_BY.isNull())
            .getSQL();
    String stop =
        sql.update(Executors.TABLE)
            .set(Executors.STOPPED_AT, val(null, Executors.STOPPED_AT))
            .set(Executors.HEARTBEAT_AT, val(null, Executors.HEARTBEAT_AT))
            .where(Executors.EXECUTOR_ID.eq(val(null, Executors.EXECUTOR_ID)))
            .and(Executors.INSTANCE_ID.eq(val(null, Executors.INSTANCE_ID)))
            .getSQL();
    // lapsed executors (stopped ones too, after the lease) that still own PENDING workflows
    String selectLapsed =
        sql.select(Executors.EXECUTOR_ID)
            .from(Executors.TABLE)
            .where(Executors.EXECUTOR_ID.ne(val(null, Executors.EXECUTOR_ID)))
            .and(Executors.TAKEN_OVER_BY.isNull())
            .and(Executors.HEARTBEAT_AT.lt(val(null, Executors.HEARTBEAT_AT)))
            .and(
                Executors.EXECUTOR_ID.in(
                    select(WorkflowStatus.EXECUTOR_ID)
                        .from(WorkflowStatus.TABLE)
                        .where(WorkflowStatus.STATUS.eq(inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS)))
                        .and(RunnableScopeSql.runnable(postgres))))
            .orderBy(Executors.HEARTBEAT_AT)
            .getSQL();
    // the one atomic claim: of concurrent claimers, the row lets exactly one through
    String claim =
        sql.update(Executors.TABLE)
            .set(Executors.TAKEN_OVER_BY, val(null, Executors.TAKEN_OVER_BY))
            .set(Executors.TAKEN_OVER_AT, val(null, Executors.TAKEN_OVER_AT))
            .where(Executors.EXECUTOR_ID.eq(val(null, Executors.EXECUTOR_ID)))
            .and(Executors.TAKEN_OVER_BY.isNull())
            .and(Executors.HEARTBEAT_AT.lt(val(null, Executors.HEARTBEAT_AT)))
            .getSQL();
    // a recovery asked for by hand (POST /dbos-workflow-recovery), whatever the heartbeat says
    String markTakenOver =
        sql.update(Executors.TABLE)
            .set(Executors.TAKEN_OVER_BY, val(null, Executors.TAKEN_OVER_BY))
            .set(Executors.TAKEN_OVER_AT, val(null, Executors.TAKEN_OVER_AT))
            .where(Executors.EXECUTOR_ID.eq(val(null, Executors.EXECUTOR_ID)))
            .and(Executors.TAKEN_OVER_BY.isNull())
            .getSQL();
    String selectPendingIds =
        sql.select(WorkflowStatus.WORKFLOW_UUID)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.EXECUTOR_ID.eq(val(null, WorkflowStatus.EXECUTOR_ID)))
            .and(WorkflowStatus.STATUS.eq(inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS)))
            .and(RunnableScopeSql.runnable(postgres))
            .getSQL();
    String reassignPending =
        sql.update(WorkflowStatus.TABLE)
            .set(WorkflowStatus.EXECUTOR_ID, val(null, WorkflowStatus.EXECUTOR_ID))
            .set(WorkflowStatus.UPDATED_AT, val(null, WorkflowStatus.UPDATED_AT))
            .where(WorkflowStatus.EXECUTOR_ID.eq(val(null, WorkflowStatus.EXECUTOR_ID)))
            .and(WorkflowStatus.STATUS.eq(inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS)))
            .and(RunnableScopeSql.runnable(postgres))
            .getSQL();
    // a claimer that could not run all of a lapsed executor's work leaves the rest to one that can
    String releaseClaim =
        sql.update(Executors.TABLE)
            .set(Executors.TAKEN_OVER_BY, inline((String) null, Executors.TAKEN_OVER_BY))
            .set(Executors.TAKEN_OVER_AT, inline((Long) null, Executors.TAKEN_OVER_AT))
            .where(Executors.EXECUTOR_ID.eq(val(null, Executors.EXECUTOR_ID)))
            .and(Executors.TAKEN_OVER_BY.eq(val(null, Executors.TAKEN_OVER_BY)))
            .andExists(
                selectOne()
                    .from(WorkflowStatus.TABLE)
                    .where(WorkflowStatus.EXECUTOR_ID.eq(val(null, WorkflowStatus.EXECUTOR_ID)))
                    .and(WorkflowStatus.STATUS.eq(inline(WorkflowState.PENDING.name(), WorkflowStatus.STATUS))))
            .getSQL();
    // DBOS's application_versions, as DBOS's launches register theirs: a row of this version with no
    // application is claimed, else one is inserted; a row another application owns is left alone
    String claimVersion =
        sql.update(ApplicationVersions.TABLE)
            .set(ApplicationVersions.APPLICATION_NAME, val(null, ApplicationVersions.APPLICATION_NAME))
            .where(ApplicationVersions.VERSION_NAME.eq(val(null, ApplicationVersions.VERSION_NAME)))
            .and(ApplicationVersions.APPLICATION_NAME.isNull())
            .getSQL();
    String insertVersion =
        sql.insertInto(ApplicationVersions.TABLE)
            .columns(ApplicationVersions.VERSION_ID, ApplicationVersions.VERSION_NAME, ApplicationVersions.APPLICATION_NAME)
            .values(
                val(null, ApplicationVersions.VERSION_ID), val(null, ApplicationVersions.VERSION_NAME),
                val(null, ApplicationVersions.APPLICATION_NAME))
            .onConflictDoNothing()
            .getSQL();
    String selectVersionOwner =
        sql.select(ApplicationVersions.APPLICATION_NAME)
            .from(ApplicationVersions.TABLE)
            .where(ApplicationVersions.VERSION_NAME.eq(val(null, ApplicationVersions.VERSION_NAME)))
            .getSQL();
    String selectLatestVersion =
        sql.select(ApplicationVersions.VERSION_NAME)
            .from(ApplicationVersions.TABLE)
            .where(ApplicationVersions.APPLICATION_NAME.eq(val(null, ApplicationVersions.APPLICATION_NAME))
                .or(ApplicationVersions.APPLICATION_NAME.isNull()))
            .orderBy(ApplicationVersions.VERSION_TIMESTAMP.desc())
            .limit(inline(1))
            .getSQL();
    return new SystemSql.Executors(
        SchemaSqlRendering.rendered(create), insert, replace, selectOne, selectAll, heartbeat, stop, selectLapsed,
        claim, markTakenOver, selectPendingIds, reassignPending, releaseClaim, recordScope, selectScopes,
        selectWorkflowScope, claimVersion, insertVersion, selectVersionOwner, selectLatestVersion);
  }
}
