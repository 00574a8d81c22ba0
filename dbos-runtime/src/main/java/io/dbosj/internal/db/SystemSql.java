package io.dbosj.internal.db;

import java.util.List;

/**
 * Every statement the runtime prepares on the system and application databases, as text for one
 * database. They are defined with jOOQ in {@link SystemSqlRendering}; the text is rendered ahead
 * of time into {@link RenderedSql}, so that {@code launch()} loads no jOOQ class (rendering them
 * at launch took most of a second in a new JVM). {@code SystemSqlTest} checks that the two
 * agree. A {@code null} statement is one that database does not need.
 */
record SystemSql(
    Workflows workflows,
    Steps steps,
    Queues queues,
    TransactionOutputs transactionOutputs,
    Migrations migrations,
    Executors executors,
    Messaging messaging,
    Communications communications,
    Retention retention,
    Outcomes outcomes,
    Schedules schedules) {

  /** The statements of this database, for DBOS TS 5.3's layout (the one io.dbosj creates). */
  static SystemSql of(boolean postgres) {
    return postgres ? RenderedSql.POSTGRES : RenderedSql.SQLITE;
  }

  /**
   * The statements of this database for its layout: without {@code workflow_input} and {@code
   * workflow_output} (DBOS Java 1.1's layout, PostgreSQL only), the reads of inputs and outcomes
   * use {@code workflow_status} alone.
   */
  static SystemSql of(boolean postgres, boolean payloadTables) {
    return payloadTables || !postgres ? of(postgres) : RenderedSql.POSTGRES_WITHOUT_PAYLOAD_TABLES;
  }

  /** {@link WorkflowStore}'s. */
  record Workflows(
      String insertPending,
      String insertEnqueued,
      String selectById,
      String complete,
      String requeue,
      String selectQueued,
      String selectLastScheduledInputs,
      String cancel,
      String reassign,
      String resume,
      String selectPendingOfExecutor,
      String selectStrandedOfExecutor,
      String countRecoveryAttempt,
      String markForkedFrom,
      String selectChildIds,
      String selectCancelledAmong,
      String selectDeduplicated,
      String setDelay,
      String markDebounced,
      String bounce,
      String clearInputPayload) {
    /** How many IDs {@code selectCancelledAmong} takes; fewer are padded with the last one. */
    static final int CANCELLED_AMONG_WIDTH = 32;
  }

  /** {@link StepStore}'s. */
  record Steps(
      String insert, String selectAll, String selectAllOfPending, String copy, String selectOne, String repointChild) {}

  /** {@link QueueStore}'s. */
  record Queues(
      String tryLock,
      String startsSince,
      String countPendingTotal,
      String countPendingOfExecutor,
      String selectQueued,
      String selectPartitionCandidates,
      String partitionStartsSince,
      String claim,
      String claimQueued,
      String lockThenClaimQueued,
      String selectClaimedSteps,
      String notifyEnqueued,
      String promoteDelayed,
      String nextDelayed,
      String selectStored,
      String insertStored,
      String updateStored,
      String deleteStored,
      List<String> createRegistrations,
      String selectRegistration,
      String upsertRegistration) {}

  /** {@link ExecutorStore}'s; {@code create} makes its table, at every launch. */
  record Executors(
      List<String> create,
      String insert,
      String replace,
      String selectOne,
      String selectAll,
      String heartbeat,
      String stop,
      String selectLapsed,
      String claim,
      String markTakenOver,
      String selectPendingIds,
      String reassignPending,
      String releaseClaim,
      String recordScope,
      String selectScopes,
      String selectWorkflowScope,
      String claimVersion,
      String insertVersion,
      String selectVersionOwner,
      String selectLatestVersion) {}

  /**
   * {@link MessageStore}'s, {@link EventStore}'s and {@link StreamStore}'s. On PostgreSQL {@code
   * upsertEvent} and {@code insertStreamValue} take the notification's payload as their last bind.
   * The {@code copy} statements are a fork's.
   */
  record Messaging(
      String insertMessage,
      String selectOldestMessage,
      String consumeMessage,
      String upsertEvent,
      String upsertEventHistory,
      String selectEvent,
      String insertStreamValue,
      String selectStreamValue,
      String selectStatus,
      String copyStreamValues,
      String copyEventHistory,
      String copyLatestEvents) {}

  /** {@link CommunicationStore}'s: a workflow's events, their history, its unconsumed messages, its streams. */
  record Communications(
      String selectEvents, String selectEventHistory, String selectPendingMessages, String selectStreamValues) {}

  /**
   * {@link RetentionStore}'s: {@code lockWorkflow} and {@code lockChildren} read (and on
   * PostgreSQL lock) a workflow's row or its children's, ID and status; {@code deleteRecords}
   * delete one workflow's records, its row last; {@code selectNthNewest} is the creation time of
   * the workflow at an offset from the newest; {@code lockFinishedBefore} takes a batch of
   * finished workflows created before a cutoff, oldest first.
   */
  record Retention(
      String lockWorkflow,
      String lockChildren,
      List<String> deleteRecords,
      String selectNthNewest,
      String lockFinishedBefore) {}

  /** {@link FinishedWorkflows}': the finished ones of {@link FinishedWorkflows#BATCH} workflow IDs. */
  record Outcomes(String selectFinished) {}

  /** {@link TransactionOutputStore}'s; {@code create} makes its table. */
  record TransactionOutputs(String select, String insert, List<String> create) {}

  /**
   * {@link SchemaMigrations}': {@code createMigrationsTable} makes what records the version;
   * {@code insertVersion} and {@code updateVersion} record DBOS's migration number; {@code create}
   * makes the whole layout in an empty database, {@code upgradeFromVersion1} brings io.dbosj's
   * first layout to it; {@code selectColumns} lists each system table's columns (table, column).
   */
  record Migrations(
      List<String> createMigrationsTable,
      String selectVersion,
      String insertVersion,
      String updateVersion,
      List<String> create,
      List<String> upgradeFromVersion1,
      String selectColumns) {}

  /**
   * {@link ScheduleStore}'s, on {@code dbos.workflow_schedules}: {@code advanceLastFired} takes the
   * new {@code last_fired_at}, the name, and the new value again (it only moves forward); {@code
   * markWorkflow} sets a tick's {@code workflow_status.schedule_name}, as DBOS does.
   */
  record Schedules(
      String selectAll,
      String selectByName,
      String insert,
      String setStatus,
      String delete,
      String advanceLastFired,
      String markWorkflow) {}
}
