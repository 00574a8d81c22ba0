package io.dbosj.internal.db;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import io.dbosj.internal.db.SystemTables.Notifications;
import io.dbosj.internal.db.SystemTables.Streams;
import io.dbosj.internal.db.SystemTables.WorkflowEvents;
import io.dbosj.internal.db.SystemTables.WorkflowEventsHistory;
import io.dbosj.internal.db.SystemTables.WorkflowStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The definition, with jOOQ over {@link SystemTables}, of the statements on DBOS's {@code
 * notifications}, {@code workflow_events}, {@code workflow_events_history} and {@code streams}:
 * messages, events and streams, written and read as DBOS TS 5.3 does. Rendered into {@link
 * RenderedSql} with the others; nothing calls this at run time.
 *
 * <p>On PostgreSQL an event or stream write notifies DBOS's channel from inside its own
 * statement, so the notification leaves only if the write commits (and once per write); the
 * payload is then the last bind. A message needs none: DBOS's trigger on {@code notifications} sends it.
 */
final class MessagingSqlRendering {
  private MessagingSqlRendering() {}

  static SystemSql.Messaging messaging(DSLContext sql, boolean postgres) {
    Condition destinationExists =
        exists(
            selectOne()
                .from(WorkflowStatus.TABLE)
                .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID))));
    String insertMessage =
        sql.insertInto(Notifications.TABLE)
            .columns(
                Notifications.DESTINATION_UUID,
                Notifications.TOPIC,
                Notifications.MESSAGE,
                Notifications.SERIALIZATION,
                Notifications.MESSAGE_UUID)
            .select(
                select(
                        val(null, Notifications.DESTINATION_UUID),
                        val(null, Notifications.TOPIC),
                        val(null, Notifications.MESSAGE),
                        val(null, Notifications.SERIALIZATION),
                        val(null, Notifications.MESSAGE_UUID))
                    .where(destinationExists))
            .onConflict(Notifications.MESSAGE_UUID)
            .doNothing()
            .getSQL();
    // a tie in milliseconds is broken by the message ID, which this project makes time-ordered
    String selectOldestMessage =
        sql.select(Notifications.MESSAGE_UUID, Notifications.MESSAGE, Notifications.SERIALIZATION)
            .from(Notifications.TABLE)
            .where(Notifications.DESTINATION_UUID.eq(val(null, Notifications.DESTINATION_UUID)))
            .and(Notifications.TOPIC.eq(val(null, Notifications.TOPIC)))
            .and(Notifications.CONSUMED.eq(inline(false, Notifications.CONSUMED)))
            .orderBy(Notifications.CREATED_AT_EPOCH_MS, Notifications.MESSAGE_UUID)
            .limit(inline(1))
            .getSQL();
    String consumeMessage =
        sql.update(Notifications.TABLE)
            .set(Notifications.CONSUMED, inline(true, Notifications.CONSUMED))
            .set(Notifications.CONSUMED_BY_FUNCTION_ID, val(null, Notifications.CONSUMED_BY_FUNCTION_ID))
            .where(Notifications.MESSAGE_UUID.eq(val(null, Notifications.MESSAGE_UUID)))
            .and(Notifications.CONSUMED.eq(inline(false, Notifications.CONSUMED)))
            .getSQL();
    var eventColumns =
        sql.insertInto(WorkflowEvents.TABLE)
            .columns(WorkflowEvents.WORKFLOW_UUID, WorkflowEvents.KEY, WorkflowEvents.VALUE, WorkflowEvents.SERIALIZATION);
    var eventValues =
        select(
            val(null, WorkflowEvents.WORKFLOW_UUID),
            val(null, WorkflowEvents.KEY),
            val(null, WorkflowEvents.VALUE),
            val(null, WorkflowEvents.SERIALIZATION));
    // SQLite cannot tell an upsert's ON CONFLICT from a join after INSERT ... SELECT: VALUES there
    var eventInsert =
        postgres
            ? eventColumns.select(eventValues.where(notify(EventStore.CHANNEL)))
            : eventColumns.values(
                val(null, WorkflowEvents.WORKFLOW_UUID),
                val(null, WorkflowEvents.KEY),
                val(null, WorkflowEvents.VALUE),
                val(null, WorkflowEvents.SERIALIZATION));
    String upsertEvent =
        eventInsert
            .onConflict(WorkflowEvents.WORKFLOW_UUID, WorkflowEvents.KEY)
            .doUpdate()
            .set(WorkflowEvents.VALUE, DSL.excluded(WorkflowEvents.VALUE))
            .set(WorkflowEvents.SERIALIZATION, DSL.excluded(WorkflowEvents.SERIALIZATION))
            .getSQL();
    String upsertEventHistory =
        sql.insertInto(WorkflowEventsHistory.TABLE)
            .columns(WorkflowEventsHistory.ROW_COLUMNS)
            .values(SystemSqlRendering.binds(WorkflowEventsHistory.ROW_COLUMNS))
            .onConflict(WorkflowEventsHistory.WORKFLOW_UUID, WorkflowEventsHistory.FUNCTION_ID, WorkflowEventsHistory.KEY)
            .doUpdate()
            .set(WorkflowEventsHistory.VALUE, DSL.excluded(WorkflowEventsHistory.VALUE))
            .set(WorkflowEventsHistory.SERIALIZATION, DSL.excluded(WorkflowEventsHistory.SERIALIZATION))
            .getSQL();
    String selectEvent =
        sql.select(WorkflowEvents.VALUE, WorkflowEvents.SERIALIZATION)
            .from(WorkflowEvents.TABLE)
            .where(WorkflowEvents.WORKFLOW_UUID.eq(val(null, WorkflowEvents.WORKFLOW_UUID)))
            .and(WorkflowEvents.KEY.eq(val(null, WorkflowEvents.KEY)))
            .getSQL();
    var nextValue =
        select(
                val(null, Streams.WORKFLOW_UUID),
                val(null, Streams.KEY),
                val(null, Streams.VALUE),
                coalesce(max(Streams.OFFSET), inline(-1)).plus(inline(1)),
                val(null, Streams.FUNCTION_ID),
                val(null, Streams.SERIALIZATION))
            .from(Streams.TABLE)
            .where(Streams.WORKFLOW_UUID.eq(val(null, Streams.WORKFLOW_UUID)))
            .and(Streams.KEY.eq(val(null, Streams.KEY)));
    // the next offset is taken in the insert; a second writer of the same offset fails on the key
    String insertStreamValue =
        sql.insertInto(Streams.TABLE)
            .columns(Streams.ROW_COLUMNS)
            .select(postgres ? nextValue.having(notify(StreamStore.CHANNEL)) : nextValue)
            .getSQL();
    // one lookup: the workflow's status (none: no such workflow) and the value at the offset, if any
    String selectStreamValue =
        sql.select(
                in("status", WorkflowStatus.STATUS),
                in("value", Streams.VALUE),
                in("value", Streams.SERIALIZATION),
                in("value", Streams.OFFSET))
            .from(WorkflowStatus.TABLE.as("status"))
            .leftOuterJoin(Streams.TABLE.as("value"))
            .on(in("value", Streams.WORKFLOW_UUID).eq(in("status", WorkflowStatus.WORKFLOW_UUID)))
            .and(in("value", Streams.KEY).eq(val(null, Streams.KEY)))
            .and(in("value", Streams.OFFSET).eq(val(null, Streams.OFFSET)))
            .where(in("status", WorkflowStatus.WORKFLOW_UUID).eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .getSQL();
    String selectStatus =
        sql.select(WorkflowStatus.STATUS)
            .from(WorkflowStatus.TABLE)
            .where(WorkflowStatus.WORKFLOW_UUID.eq(val(null, WorkflowStatus.WORKFLOW_UUID)))
            .getSQL();
    // a fork keeps what the original's operations before the fork point wrote: stream values,
    // events' history, and each key's latest value among those (DBOS's fork does the same)
    String copyStreamValues =
        sql.insertInto(Streams.TABLE)
            .columns(Streams.ROW_COLUMNS)
            .select(
                select(val(null, Streams.WORKFLOW_UUID), Streams.KEY, Streams.VALUE, Streams.OFFSET, Streams.FUNCTION_ID, Streams.SERIALIZATION)
                    .from(Streams.TABLE)
                    .where(Streams.WORKFLOW_UUID.eq(val(null, Streams.WORKFLOW_UUID)))
                    .and(Streams.FUNCTION_ID.lt(val(null, Streams.FUNCTION_ID))))
            .getSQL();
    String copyEventHistory =
        sql.insertInto(WorkflowEventsHistory.TABLE)
            .columns(WorkflowEventsHistory.ROW_COLUMNS)
            .select(
                select(
                        val(null, WorkflowEventsHistory.WORKFLOW_UUID),
                        WorkflowEventsHistory.FUNCTION_ID,
                        WorkflowEventsHistory.KEY,
                        WorkflowEventsHistory.VALUE,
                        WorkflowEventsHistory.SERIALIZATION)
                    .from(WorkflowEventsHistory.TABLE)
                    .where(WorkflowEventsHistory.WORKFLOW_UUID.eq(val(null, WorkflowEventsHistory.WORKFLOW_UUID)))
                    .and(WorkflowEventsHistory.FUNCTION_ID.lt(val(null, WorkflowEventsHistory.FUNCTION_ID))))
            .getSQL();
    // run after copyEventHistory: the fork's own history holds only values from before the fork point
    String copyLatestEvents =
        sql.insertInto(WorkflowEvents.TABLE)
            .columns(WorkflowEvents.WORKFLOW_UUID, WorkflowEvents.KEY, WorkflowEvents.VALUE, WorkflowEvents.SERIALIZATION)
            .select(
                select(
                        in("history", WorkflowEventsHistory.WORKFLOW_UUID),
                        in("history", WorkflowEventsHistory.KEY),
                        in("history", WorkflowEventsHistory.VALUE),
                        in("history", WorkflowEventsHistory.SERIALIZATION))
                    .from(WorkflowEventsHistory.TABLE.as("history"))
                    .where(in("history", WorkflowEventsHistory.WORKFLOW_UUID).eq(val(null, WorkflowEventsHistory.WORKFLOW_UUID)))
                    .and(
                        in("history", WorkflowEventsHistory.FUNCTION_ID)
                            .eq(
                                select(max(in("later", WorkflowEventsHistory.FUNCTION_ID)))
                                    .from(WorkflowEventsHistory.TABLE.as("later"))
                                    .where(in("later", WorkflowEventsHistory.WORKFLOW_UUID).eq(in("history", WorkflowEventsHistory.WORKFLOW_UUID)))
                                    .and(in("later", WorkflowEventsHistory.KEY).eq(in("history", WorkflowEventsHistory.KEY))))))
            .getSQL();
    return new SystemSql.Messaging(
        insertMessage,
        selectOldestMessage,
        consumeMessage,
        upsertEvent,
        upsertEventHistory,
        selectEvent,
        insertStreamValue,
        selectStreamValue,
        selectStatus,
        copyStreamValues,
        copyEventHistory,
        copyLatestEvents);
  }

  /** {@code column} of the table aliased {@code alias}. */
  private static <T> Field<T> in(String alias, Field<T> column) {
    return field(name(alias, column.getName()), column.getDataType());
  }

  /**
   * The condition that notifies {@code channel} on commit, with the payload as its one bind: true,
   * and evaluated once where it stands (a WHERE without FROM, a HAVING without GROUP BY). Inside
   * EXISTS PostgreSQL would not call pg_notify at all.
   */
  private static Condition notify(String channel) {
    return DSL.condition("cast(pg_notify({0}, {1}) as text) = ''", inline(channel), val(""));
  }
}
