package io.dbosj.internal.messaging;

import io.dbosj.NoSuchWorkflowException;
import io.dbosj.WorkflowState;
import io.dbosj.internal.db.StoredValue;
import io.dbosj.internal.db.StreamStore;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads one stream from an offset on, blocking for each next value: its iteration ends at DBOS's
 * closing value, or once the workflow has ended with nothing more at the offset.
 */
final class StreamReader<T> implements Iterator<T> {
  /** What the next read found: a value, or the end of the stream. */
  private record Next(StoredValue value, boolean end) {}

  private final Communication communication;
  private final String workflowId;
  private final String key;
  private final Class<T> type;
  private int offset;
  private Next next;

  StreamReader(Communication communication, String workflowId, String key, int fromOffset, Class<T> type) {
    this.communication = communication;
    this.workflowId = workflowId;
    this.key = key;
    this.offset = fromOffset;
    this.type = type;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next =
          communication.wakeUps()
              .await(StreamStore.CHANNEL, workflowId + "::" + key, Long.MAX_VALUE, this::readAtOffset, () -> {})
              .orElseThrow();
    }
    return !next.end();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("stream '" + key + "' of workflow " + workflowId + " has ended");
    }
    StoredValue value = next.value();
    next = null;
    offset++;
    return communication.decode(
        value, type, "value " + (offset - 1) + " of stream '" + key + "' of workflow " + workflowId);
  }

  /** The value at the offset, the end, or nothing yet (wait). */
  private Optional<Next> readAtOffset() {
    StreamStore.Read read = communication.streams().read(workflowId, key, offset);
    if (read.workflowStatus() == null) {
      throw new NoSuchWorkflowException(
          workflowId, "cannot read stream '" + key + "' of workflow '" + workflowId + "': no workflow with this ID is recorded");
    }
    if (read.value() != null) {
      return Optional.of(isClosing(read.value()) ? new Next(null, true) : new Next(read.value(), false));
    }
    return ended(read.workflowStatus()) ? Optional.of(new Next(null, true)) : Optional.empty();
  }

  private static boolean isClosing(StoredValue value) {
    // DBOS's earlier versions wrote the closing string bare
    return Communication.STREAM_CLOSED.equals(value.json()) || Communication.STREAM_CLOSED_TEXT.equals(value.json());
  }

  /** Whether a workflow with this status will write no more: not waiting or running (DBOS's DELAYED waits too). */
  static boolean ended(String status) {
    return !status.equals(WorkflowState.PENDING.name())
        && !status.equals(WorkflowState.ENQUEUED.name())
        && !status.equals("DELAYED");
  }
}
