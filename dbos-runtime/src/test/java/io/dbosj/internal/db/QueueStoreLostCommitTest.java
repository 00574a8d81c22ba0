package io.dbosj.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.WorkflowState;
import io.dbosj.internal.config.DatabaseUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dequeue whose commit went through but whose answer was lost (the database restarted at that
 * moment) is retried: the retry must hand back the rows the lost attempt claimed, or they stay
 * {@code PENDING} for this executor with nothing running them until the next launch.
 */
class QueueStoreLostCommitTest {
  private static final RunnableScope V1 = RunnableScope.ofVersion("v1");
  @TempDir Path dir;

  @Test
  void aRetriedDequeueReturnsTheRowsItsLostAttemptClaimed() throws Exception {
    try (SystemDatabase db = SystemDatabase.open(DatabaseUrl.parse("sqlite:///" + dir.resolve("q.sqlite")), "test")) {
      SchemaMigrations.migrate(db);
      WorkflowStore workflows = new WorkflowStore(db);
      for (int i = 0; i < 3; i++) {
        workflows.insertPending(new NewWorkflow(
            "task-" + i, WorkflowState.ENQUEUED, "task", "Tasks", "", "[]", "exec-1", "v1", null, "q", null, 0,
            null, null, null, 1_000L + i, null));
      }
      QueueStore queues = new QueueStore(db);
      QueueLimits limits = QueueLimits.unlimited("q").withWorkerConcurrency(2);
      Set<String> earlierAttempts = new LinkedHashSet<>();
      long now = 5_000;

      QueueStore.Claimed lost = queues.dequeue(limits, "exec-1", V1, now, id -> {}, earlierAttempts);
      List<String> seenByRetry = new ArrayList<>();
      QueueStore.Claimed retried = queues.dequeue(limits, "exec-1", V1, now, seenByRetry::add, earlierAttempts);

      assertThat(ids(lost)).containsExactly("task-0", "task-1");
      assertThat(ids(retried)).containsExactly("task-0", "task-1"); // the worker's two slots, still taken by them
      assertThat(seenByRetry).isEmpty();
      assertThat(workflows.find("task-2").orElseThrow().status()).isEqualTo("ENQUEUED");
      assertThat(queues.dequeue(limits, "exec-1", V1, now + 1, id -> {}).rows()).isEmpty();
    }
  }

  @Test
  void aFirstAttemptReturnsOnlyWhatItClaims() throws Exception {
    try (SystemDatabase db = SystemDatabase.open(DatabaseUrl.parse("sqlite:///" + dir.resolve("f.sqlite")), "test")) {
      SchemaMigrations.migrate(db);
      WorkflowStore workflows = new WorkflowStore(db);
      workflows.insertPending(new NewWorkflow(
          "running", WorkflowState.ENQUEUED, "task", "Tasks", "", "[]", "exec-1", "v1", null, "q", null, 0,
          null, null, null, 1_000L, null));
      QueueStore queues = new QueueStore(db);
      QueueLimits limits = QueueLimits.unlimited("q");
      assertThat(ids(queues.dequeue(limits, "exec-1", V1, 5_000, id -> {}))).containsExactly("running");

      assertThat(queues.dequeue(limits, "exec-1", V1, 5_000, id -> {}).rows()).isEmpty();
    }
  }

  private static List<String> ids(QueueStore.Claimed claimed) {
    return claimed.rows().stream().map(StatusRow::workflowId).toList();
  }
}
