package io.dbosj.internal.db;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import io.dbosj.internal.db.SystemTables.Notifications;
import io.dbosj.internal.db.SystemTables.Streams;
import io.dbosj.internal.db.SystemTables.WorkflowEvents;
import io.dbosj.internal.db.SystemTables.WorkflowEventsHistory;
import org.jooq.DSLContext;

/**
 * The definition, with jOOQ over {@link SystemTables}, of the reads that show what a workflow
 * set and what was sent to it: its events, their history, the messages no {@code recv} has
 * consumed, and its streams' values. Rendered into {@link RenderedSql} with the others; nothing calls this at run time.
 */
final class CommunicationSqlRendering {
  private CommunicationSqlRendering() {}

  static SystemSql.Communications communications(DSLContext sql) {
    String selectEvents =
        sql.select(WorkflowEvents.KEY, WorkflowEvents.VALUE, WorkflowEvents.SERIALIZATION)
            .from(WorkflowEvents.TABLE)
            .where(WorkflowEvents.WORKFLOW_UUID.eq(val(null, WorkflowEvents.WORKFLOW_UUID)))
            .orderBy(WorkflowEvents.KEY)
            .getSQL();
    String selectEventHistory =
        sql.select(
                WorkflowEventsHistory.FUNCTION_ID,
                WorkflowEventsHistory.KEY,
                WorkflowEventsHistory.VALUE,
                WorkflowEventsHistory.SERIALIZATION)
            .from(WorkflowEventsHistory.TABLE)
            .where(WorkflowEventsHistory.WORKFLOW_UUID.eq(val(null, WorkflowEventsHistory.WORKFLOW_UUID)))
            .orderBy(WorkflowEventsHistory.FUNCTION_ID, WorkflowEventsHistory.KEY)
            .getSQL();
    // DBOS TS 5.3 marks a received message consumed; DBOS before it deleted the row: either way,
    // what is left unconsumed is what a recv would still take, oldest first
    String selectPendingMessages =
        sql.select(
                Notifications.MESSAGE_UUID,
                Notifications.TOPIC,
                Notifications.MESSAGE,
                Notifications.SERIALIZATION,
                Notifications.CREATED_AT_EPOCH_MS)
            .from(Notifications.TABLE)
            .where(Notifications.DESTINATION_UUID.eq(val(null, Notifications.DESTINATION_UUID)))
            .and(Notifications.CONSUMED.eq(inline(false, Notifications.CONSUMED)))
            .orderBy(Notifications.CREATED_AT_EPOCH_MS, Notifications.MESSAGE_UUID)
            .getSQL();
    String selectStreamValues =
        sql.select(Streams.KEY, Streams.VALUE, Streams.SERIALIZATION)
            .from(Streams.TABLE)
            .where(Streams.WORKFLOW_UUID.eq(val(null, Streams.WORKFLOW_UUID)))
            .orderBy(Streams.KEY, Streams.OFFSET)
            .getSQL();
    return new SystemSql.Communications(selectEvents, selectEventHistory, selectPendingMessages, selectStreamValues);
  }
}
