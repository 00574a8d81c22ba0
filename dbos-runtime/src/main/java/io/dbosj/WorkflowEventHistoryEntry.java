package io.dbosj;

/**
 * One value a workflow's event had, as {@code dbos.listEventHistory(id)} returns them: every
 * {@code setEvent}, the latest of each key being its current value ({@code getAllEvents}).
 *
 * <pre>{@code
 * for (WorkflowEventHistoryEntry e : client.listEventHistory("order-42")) {
 *   System.out.println("step " + e.functionId() + " set " + e.key() + " = " + e.value());
 * }
 * }</pre>
 *
 * @param functionId the function ID of the {@code DBOS.setEvent} that set it
 * @param key the event's key
 * @param value the value it set, as plain JSON values: maps, lists, strings, numbers, booleans,
 *     or {@code null}
 */
public record WorkflowEventHistoryEntry(int functionId, String key, Object value) {}
