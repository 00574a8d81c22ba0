package io.dbosj.internal.exec;

import io.dbosj.DeterminismException;
import io.dbosj.NoSuchWorkflowException;
import io.dbosj.WorkflowState;
import io.dbosj.internal.db.CheckpointWrite;
import io.dbosj.internal.db.EventStore;
import io.dbosj.internal.db.GroupCommit;
import io.dbosj.internal.db.MessageStore;
import io.dbosj.internal.db.StepRecord;
import io.dbosj.internal.db.StepStore;
import io.dbosj.internal.db.StoredValue;
import io.dbosj.internal.messaging.Communication;
import io.dbosj.internal.serde.JsonCodec;
import io.dbosj.internal.serde.Serialization;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Messages, events and streams inside a workflow, each a recorded operation as DBOS records it:
 * a re-executed workflow gets the recorded outcome instead of sending, receiving or setting
 * again. A send, a consumed message, an event or a stream value commits together with its
 * operation's record; a wait's deadline is recorded before it waits (and only if it must wait),
 * so a restarted workflow waits only what remains. Called from a step (not recorded), they act directly, as DBOS's do.
 */
public final class WorkflowCommunication {
  static final String SEND = "DBOS.send";
  static final String RECV = "DBOS.recv";
  static final String SET_EVENT = "DBOS.setEvent";
  static final String GET_EVENT = "DBOS.getEvent";
  static final String WRITE_STREAM = "DBOS.writeStream";
  static final String CLOSE_STREAM = "DBOS.closeStream";

  private final Communication communication;
  private final Checkpointer checkpointer;
  private final StepStore steps;
  private final GroupCommit commits;
  private final JsonCodec json;

  WorkflowCommunication(
      Communication communication, Checkpointer checkpointer, StepStore steps, GroupCommit commits, JsonCodec json) {
    this.communication = communication;
    this.checkpointer = checkpointer;
    this.steps = steps;
    this.commits = commits;
    this.json = json;
  }

  /**
   * The workflow running on this thread, for {@code call}.
   *
   * @throws IllegalStateException outside a workflow, naming {@code instead} to use there
   */
  public static WorkflowContext current(String call, String instead) {
    WorkflowContext context = CurrentContext.workflow();
    if (context == null) {
      throw new IllegalStateException(
          call + " is only available inside a @Workflow method (or a step it calls)" + instead);
    }
    return context;
  }

  public void send(WorkflowContext c, String destinationId, Object message, String topic) {
    Objects.requireNonNull(destinationId, "destinationId");
    if (c.currentStep() != null) {
      communication.send(destinationId, message, topic, null);
      return;
    }
    int functionId = c.beginOperation();
    StepRecord recorded = c.recorded(functionId);
    if (recorded != null) {
      expect(c, functionId, recorded, SEND);
      if (recorded.error() != null) {
        throw Communication.noSuchDestination(destinationId);
      }
      return;
    }
    String body = communication.encodeMessage(destinationId, topic, message);
    long startedAt = System.currentTimeMillis();
    StepRecord step = operation(c, functionId, SEND, null, startedAt);
    int[] counts =
        commits.commit(
            communication.messages().insertWrite(destinationId, topic, body, communication.nextMessageId()),
            steps.insertWrite(step));
    if (!allWritten(counts) && !checkpointer.isRecordedAsIs(step)) {
      if (steps.find(c.workflowId(), functionId).isEmpty()
          && communication.messages().status(destinationId).isEmpty()) {
        NoSuchWorkflowException missing = Communication.noSuchDestination(destinationId);
        StepRecord failed =
            new StepRecord(c.workflowId(), functionId, SEND, null, json.encodeError(missing), null, startedAt, System.currentTimeMillis());
        written(failed);
        throw missing;
      }
      throw checkpointer.yieldTo(step);
    }
    communication.sent(destinationId, topic);
  }

  public <T> Optional<T> recv(WorkflowContext c, String topic, Duration timeout, Class<T> type) {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(type, "type");
    if (c.currentStep() != null) {
      throw new IllegalStateException(
          "DBOS.recv cannot be called inside step " + c.currentStep() + ": a step may run again, and a message"
              + " it consumed would be lost; call DBOS.recv from the workflow body and pass the message to the step");
    }
    Communication.deadlineAfter(timeout); // a negative timeout fails before anything is recorded
    int functionId = c.beginOperation();
    int timeoutFunctionId = c.beginOperation();
    String label = Communication.messageLabel(c.workflowId(), topic);
    StepRecord recorded = c.recorded(functionId);
    if (recorded != null) {
      expect(c, functionId, recorded, RECV);
      return replayed(recorded, type, label);
    }
    checkpointer.checkDeadline(c);
    long startedAt = System.currentTimeMillis();
    String payload = c.workflowId() + "::" + MessageStore.storedTopic(topic);
    // a message already there is taken at once: its deadline need not be recorded, one commit fewer
    Optional<MessageStore.Message> message = communication.messages().oldestUnconsumed(c.workflowId(), topic);
    Deadline deadline = null;
    while (true) {
      if (message.isEmpty()) {
        if (deadline == null) {
          deadline = deadline(c, timeoutFunctionId, timeout);
        }
        long until = deadline.until();
        message =
            c.cancelSignal().whileWaiting(
                () -> communication.wakeUps().signal(MessageStore.CHANNEL, payload),
                () -> communication.wakeUps().await(
                    MessageStore.CHANNEL, payload, until,
                    () -> communication.messages().oldestUnconsumed(c.workflowId(), topic), () -> checkStillPending(c)));
        if (message.isEmpty()) {
          deadline.cancelIfReached(c);
          written(operation(c, functionId, RECV, null, startedAt));
          return Optional.empty();
        }
      }
      T value = communication.decode(message.get().value(), type, label); // fails before consuming
      StepRecord step = operation(c, functionId, RECV, recordable(message.get().value(), value, label), startedAt);
      int[] counts =
          commits.commit(communication.messages().consumeWrite(message.get().messageId(), functionId), steps.insertWrite(step));
      if (allWritten(counts) || checkpointer.isRecordedAsIs(step)) {
        return Optional.of(value);
      }
      if (steps.find(c.workflowId(), functionId).isPresent()) {
        throw checkpointer.yieldTo(step);
      }
      checkStillPending(c); // else the message went to another execution of this workflow: take the next
      message = Optional.empty();
    }
  }

  public void setEvent(WorkflowContext c, String key, Object value) {
    Objects.requireNonNull(key, "key");
    if (value == null) {
      throw new NullPointerException("value: an event's value cannot be null (getEvent returns Optional.empty() for an unset key)");
    }
    String body = communication.encode(Communication.eventLabel(c.workflowId(), key), value);
    if (c.currentStep() != null) {
      commits.commit(
          communication.events().upsertWrite(c.workflowId(), key, body),
          communication.events().historyWrite(c.workflowId(), c.currentStepFunctionId(), key, body));
      communication.eventSet(c.workflowId(), key);
      return;
    }
    int functionId = c.beginOperation();
    StepRecord recorded = c.recorded(functionId);
    if (recorded != null) {
      expect(c, functionId, recorded, SET_EVENT);
      return;
    }
    written(
        operation(c, functionId, SET_EVENT, null, System.currentTimeMillis()),
        communication.events().upsertWrite(c.workflowId(), key, body),
        communication.events().historyWrite(c.workflowId(), functionId, key, body));
    communication.eventSet(c.workflowId(), key);
  }

  public <T> Optional<T> getEvent(WorkflowContext c, String workflowId, String key, Duration timeout, Class<T> type) {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(type, "type");
    if (c.currentStep() != null) {
      return communication.getEvent(workflowId, key, timeout, type);
    }
    Communication.deadlineAfter(timeout);
    int functionId = c.beginOperation();
    int timeoutFunctionId = c.beginOperation();
    String label = Communication.eventLabel(workflowId, key);
    StepRecord recorded = c.recorded(functionId);
    if (recorded != null) {
      expect(c, functionId, recorded, GET_EVENT);
      return replayed(recorded, type, label);
    }
    checkpointer.checkDeadline(c);
    long startedAt = System.currentTimeMillis();
    // an event already set is read at once, with no deadline recorded
    Optional<StoredValue> stored = communication.events().latest(workflowId, key);
    if (stored.isEmpty()) {
      Deadline deadline = deadline(c, timeoutFunctionId, timeout);
      stored =
          c.cancelSignal().whileWaiting(
              () -> communication.wakeUps().signal(EventStore.CHANNEL, workflowId + "::" + key),
              () -> communication.awaitEvent(workflowId, key, deadline.until(), () -> checkStillPending(c)));
      if (stored.isEmpty()) {
        deadline.cancelIfReached(c);
        written(operation(c, functionId, GET_EVENT, null, startedAt));
        return Optional.empty();
      }
    }
    T value = communication.decode(stored.get(), type, label);
    written(operation(c, functionId, GET_EVENT, recordable(stored.get(), value, label), startedAt));
    return Optional.of(value);
  }

  public void writeStream(WorkflowContext c, String key, Object value) {
    Objects.requireNonNull(key, "key");
    if (value == null) {
      throw new NullPointerException("value: a stream value cannot be null");
    }
    String label = "a value of stream '" + key + "' of workflow " + c.workflowId();
    append(c, key, communication.encode(label, value), WRITE_STREAM);
  }

  public void closeStream(WorkflowContext c, String key) {
    Objects.requireNonNull(key, "key");
    append(c, key, Communication.STREAM_CLOSED, CLOSE_STREAM);
  }

  private void append(WorkflowContext c, String key, String body, String operationName) {
    if (c.currentStep() != null) {
      commits.commit(
          communication.streams().appendWrite(c.workflowId(), key, body, JsonCodec.FORMAT, c.currentStepFunctionId()));
      communication.streamWritten(c.workflowId(), key);
      return;
    }
    int functionId = c.beginOperation();
    StepRecord recorded = c.recorded(functionId);
    if (recorded != null) {
      expect(c, functionId, recorded, operationName);
      return;
    }
    written(
        operation(c, functionId, operationName, null, System.currentTimeMillis()),
        communication.streams().appendWrite(c.workflowId(), key, body, JsonCodec.FORMAT, functionId));
    communication.streamWritten(c.workflowId(), key);
  }

  /** When a wait ends: its recorded timeout, or the workflow's deadline if that comes first. */
  private record Deadline(long wakeAt, Long workflowDeadline) {
    long until() {
      return workflowDeadline == null ? wakeAt : Math.min(wakeAt, workflowDeadline);
    }

    /** Past the workflow's deadline, the workflow is cancelled (throws), as a step would find it. */
    void cancelIfReached(WorkflowContext c) {
      if (workflowDeadline != null && workflowDeadline <= wakeAt) {
        c.checkpointer().checkDeadline(c);
      }
    }
  }

  private Deadline deadline(WorkflowContext c, int timeoutFunctionId, Duration timeout) {
    long wakeAt =
        timeout.isZero() ? System.currentTimeMillis() : checkpointer.recordSleepAt(c, timeoutFunctionId, timeout);
    return new Deadline(wakeAt, c.deadline());
  }

  /** A waiting workflow that was cancelled (or ended elsewhere) stops waiting. */
  private void checkStillPending(WorkflowContext c) {
    checkpointer.checkCancelled(c);
    String status = communication.messages().status(c.workflowId()).orElse(null);
    if (!WorkflowState.PENDING.name().equals(status)) {
      throw checkpointer.stopped(c.workflowId());
    }
  }

  private void expect(WorkflowContext c, int functionId, StepRecord recorded, String name) {
    if (!recorded.functionName().equals(name)) {
      throw new DeterminismException(c.workflowId(), functionId, recorded.functionName(), name);
    }
  }

  private <T> Optional<T> replayed(StepRecord recorded, Class<T> type, String label) {
    if (recorded.output() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(communication.decode(new StoredValue(recorded.output(), recorded.serialization()), type, label));
  }

  /** The value as the operation records it: in portable JSON, re-written if it came in another format. */
  private String recordable(StoredValue stored, Object value, String label) {
    boolean plain =
        Serialization.PORTABLE_JSON.equals(stored.serialization()) || Serialization.LEGACY_JSON.equals(stored.serialization());
    return plain || value == null ? stored.json() : communication.encode(label, value);
  }

  private static StepRecord operation(WorkflowContext c, int functionId, String name, String output, long startedAt) {
    return new StepRecord(c.workflowId(), functionId, name, output, null, null, startedAt, System.currentTimeMillis());
  }

  /** Commits {@code effects} with {@code step}'s record, all or none; yields if another execution recorded it. */
  private void written(StepRecord step, CheckpointWrite... effects) {
    CheckpointWrite[] writes = Arrays.copyOf(effects, effects.length + 1);
    writes[effects.length] = steps.insertWrite(step);
    if (!allWritten(commits.commit(writes)) && !checkpointer.isRecordedAsIs(step)) {
      throw checkpointer.yieldTo(step);
    }
  }

  private static boolean allWritten(int[] counts) {
    for (int count : counts) {
      if (count == 0) {
        return false;
      }
    }
    return true;
  }
}
