package io.dbosj;

import java.time.Instant;

/**
 * A message sent to a workflow that no {@code recv} has consumed yet, as {@code
 * dbos.listPendingMessages(id)} and {@code client.listPendingMessages(id)} return it.
 *
 * <pre>{@code
 * for (WorkflowMessage m : client.listPendingMessages("order-42")) {
 *   System.out.println(m.topic() + " " + m.message() + " sent at " + m.createdAt());
 * }
 * }</pre>
 *
 * @param messageId its ID in DBOS's {@code notifications} table ({@code <key>::<destination>} for
 *     a client's send with an idempotency key)
 * @param topic its topic, or {@code null} if it was sent without one
 * @param message its value as plain JSON values: maps, lists, strings, numbers, booleans, or
 *     {@code null}
 * @param createdAt when it was sent
 */
public record WorkflowMessage(String messageId, String topic, Object message, Instant createdAt) {}
