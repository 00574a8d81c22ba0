package io.dbosj.internal.messaging;

import io.dbosj.DbosException;
import io.dbosj.NoSuchWorkflowException;
import io.dbosj.internal.codegen.TypeToken;
import io.dbosj.internal.db.EventStore;
import io.dbosj.internal.db.MessageStore;
import io.dbosj.internal.db.StoredValue;
import io.dbosj.internal.db.StreamStore;
import io.dbosj.internal.db.SystemDatabase;
import io.dbosj.internal.serde.JsonCodec;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Messages, events and streams over one system database, as any caller outside a workflow uses
 * them (a client, or a process's own {@code DBOS}): send, wait for an event, read a stream; and
 * the values' encoding and decoding that workflows' recorded operations share.
 */
public final class Communication {
  /** DBOS's value that closes a stream: the string {@code __DBOS_STREAM_CLOSED__}, in portable JSON. */
  public static final String STREAM_CLOSED = "\"__DBOS_STREAM_CLOSED__\"";

  /** The closing string itself, as DBOS wrote it bare before its portable format. */
  public static final String STREAM_CLOSED_TEXT = "__DBOS_STREAM_CLOSED__";

  private final MessageStore messages;
  private final EventStore events;
  private final StreamStore streams;
  private final JsonCodec json;
  private final WakeUps wakeUps;
  private final MessageIds messageIds = new MessageIds();

  public Communication(SystemDatabase db, JsonCodec json, WakeUps wakeUps) {
    this.messages = new MessageStore(db);
    this.events = new EventStore(db);
    this.streams = new StreamStore(db);
    this.json = json;
    this.wakeUps = wakeUps;
  }

  public MessageStore messages() {
    return messages;
  }

  public EventStore events() {
    return events;
  }

  public StreamStore streams() {
    return streams;
  }

  public WakeUps wakeUps() {
    return wakeUps;
  }

  /** A new message ID, later in order than the ones before it. */
  public String nextMessageId() {
    return messageIds.next();
  }

  /**
   * Sends {@code message} to workflow {@code destinationId} on {@code topic}; with an {@code
   * idempotencyKey}, once however often it is called (DBOS's message ID, {@code
   * <key>::<destination>}).
   *
   * @throws NoSuchWorkflowException if no workflow has that ID
   */
  public void send(String destinationId, Object message, String topic, String idempotencyKey) {
    Objects.requireNonNull(destinationId, "destinationId");
    String body = encodeMessage(destinationId, topic, message);
    String messageId = idempotencyKey != null ? idempotencyKey + "::" + destinationId : messageIds.next();
    if (!messages.insert(destinationId, topic, body, messageId) && messages.status(destinationId).isEmpty()) {
      throw noSuchDestination(destinationId);
    }
    // no row changed and the destination exists: this idempotency key's message was sent before
    sent(destinationId, topic);
  }

  /** Wakes this process's receivers of a message just committed. */
  public void sent(String destinationId, String topic) {
    wakeUps.signal(MessageStore.CHANNEL, destinationId + "::" + MessageStore.storedTopic(topic));
  }

  /** Wakes this process's readers of an event just committed. */
  public void eventSet(String workflowId, String key) {
    wakeUps.signal(EventStore.CHANNEL, workflowId + "::" + key);
  }

  /** Wakes this process's readers of a stream value just committed. */
  public void streamWritten(String workflowId, String key) {
    wakeUps.signal(StreamStore.CHANNEL, workflowId + "::" + key);
  }

  /** The value of event {@code key} of {@code workflowId}, waiting up to {@code timeout} for it to be set. */
  public <T> Optional<T> getEvent(String workflowId, String key, Duration timeout, Class<T> type) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(type, "type");
    return awaitEvent(workflowId, key, deadlineAfter(timeout), () -> {})
        .map(v -> decode(v, type, eventLabel(workflowId, key)));
  }

  /** The stored value of event {@code key}, waiting until {@code deadlineMs}; {@code onPoll} as in {@link WakeUps}. */
  public Optional<StoredValue> awaitEvent(String workflowId, String key, long deadlineMs, Runnable onPoll) {
    return wakeUps.await(
        EventStore.CHANNEL, workflowId + "::" + key, deadlineMs, () -> events.latest(workflowId, key), onPoll);
  }

  /**
   * The values of stream {@code key} of {@code workflowId} from {@code fromOffset} on, as they
   * are written: the stream blocks for the next value and ends when the stream is closed or the
   * workflow has ended.
   *
   * @throws NoSuchWorkflowException (on the first read) if no workflow has that ID
   */
  public <T> Stream<T> readStream(String workflowId, String key, int fromOffset, Class<T> type) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    if (fromOffset < 0) {
      throw new IllegalArgumentException("a stream's offsets start at 0; fromOffset was " + fromOffset);
    }
    StreamReader<T> reader = new StreamReader<>(this, workflowId, key, fromOffset, type);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(reader, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** A message as portable JSON, or an error naming its destination and topic if it cannot be one. */
  public String encodeMessage(String destinationId, String topic, Object message) {
    if (message == null) {
      throw new NullPointerException(
          "message: a message cannot be null (recv returns Optional.empty() when no message came)");
    }
    return encode("the message to workflow " + destinationId + " on " + topicLabel(topic), message);
  }

  /** A value as portable JSON, written as its class; {@code what} names it in an error. */
  public String encode(String what, Object value) {
    @SuppressWarnings("unchecked")
    TypeToken<Object> type = (TypeToken<Object>) TypeToken.of(value.getClass());
    return json.encodeResult(what, type, value);
  }

  /**
   * {@code stored} read as {@code type}.
   *
   * @throws DbosException naming {@code what}, the type and why, if it does not read as one
   */
  public <T> T decode(StoredValue stored, Class<T> type, String what) {
    try {
      return json.decodeResult(TypeToken.of(type), stored.serialization(), stored.json());
    } catch (RuntimeException e) {
      throw new DbosException(
          what + " cannot be read as " + type.getName() + ": " + e.getMessage()
              + ". Ask for the type it was sent as, or for Object to get plain JSON values",
          e);
    }
  }

  public static String topicLabel(String topic) {
    return topic == null ? "the default topic" : "topic '" + topic + "'";
  }

  public static String messageLabel(String workflowId, String topic) {
    return "the message for workflow " + workflowId + " on " + topicLabel(topic);
  }

  public static String eventLabel(String workflowId, String key) {
    return "event '" + key + "' of workflow " + workflowId;
  }

  public static NoSuchWorkflowException noSuchDestination(String destinationId) {
    return new NoSuchWorkflowException(
        destinationId,
        "cannot send to workflow '" + destinationId + "': no workflow with this ID is recorded; start it"
            + " first, or check the ID");
  }

  /** Epoch milliseconds {@code timeout} from now, saturating. */
  public static long deadlineAfter(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("a timeout cannot be negative: " + timeout);
    }
    long now = System.currentTimeMillis();
    try {
      return Math.addExact(now, timeout.toMillis());
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
