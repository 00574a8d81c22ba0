package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Tasks;
import io.dbosj.tests.fixtures.TasksDurable;
import io.dbosj.tests.fixtures.Tracker;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;

/** Queues kept in {@code dbos.queues}: limits every runner reads, changeable while the fleet runs. */
class StoredQueueTest {

  private static String stored(TestDatabase db, String queue, String column) throws Exception {
    return db.value("SELECT " + column + " FROM " + db.table("queues") + " WHERE name = ?", queue);
  }

  @BothDatabases
  void aQueueRegisteredInCodeIsRecordedAndAChangeMadeThereReachesTheRunnerWhileItRuns(TestDatabase db)
      throws Exception {
    Queue queue = Queue.of("elastic").concurrency(1);
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      dbos.register(queue);
      TasksDurable tasks = new TasksDurable(dbos, journal, new Tracker(), queue, 0);
      dbos.launch();
      assertThat(stored(db, "elastic", "concurrency")).isEqualTo("1");

      List<WorkflowHandle<String>> handles = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        handles.add(tasks.enqueue(queue).gated("g" + i));
      }
      journal.awaitBlocked();
      assertThat(journal.entries()).hasSize(1);

      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.updateQueue(Queue.of("elastic").concurrency(3))).isFalse();
      }
      Await.until("the runner applies the new limit", () -> journal.entries().size() == 3, journal::entries);
      journal.open();
      handles.forEach(WorkflowHandle::getResult);
      assertThat(dbos.getQueue("elastic")).hasValue(Queue.of("elastic").concurrency(3));
    }
  }

  @BothDatabases
  void aRestartKeepsWhatWasSetAtRunTimeAndADeployThatChangesTheCodesLimitsWritesThem(TestDatabase db)
      throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.register(Queue.of("mail").concurrency(1));
      dbos.launch();
      dbos.updateQueue(Queue.of("mail").concurrency(5).workerConcurrency(2));
    }
    try (DBOS dbos = db.builder().build()) {
      dbos.register(Queue.of("mail").concurrency(1)); // a restart: the code is as it was
      dbos.launch();
      assertThat(dbos.getQueue("mail")).hasValue(Queue.of("mail").concurrency(5).workerConcurrency(2));
    }
    try (DBOS dbos = db.builder().build()) {
      dbos.register(Queue.of("mail").concurrency(2)); // a deploy: the code changed the queue
      dbos.launch();
      assertThat(dbos.getQueue("mail")).hasValue(Queue.of("mail").concurrency(2));
      assertThat(stored(db, "mail", "worker_concurrency")).isNull();
    }
  }

  @BothDatabases
  void aQueueCreatedAtRunTimeIsServedAndOneDeletedIsNoLongerListed(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      new TasksDurable(dbos, new Journal(), new Tracker(), Queue.of("unused"), 0);
      dbos.launch();

      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.updateQueue(Queue.of("made-later").workerConcurrency(2))).isTrue();
        assertThat(client.listQueues()).extracting(Queue::name).contains("made-later");
        WorkflowHandle<Object> handle =
            client.enqueue("made-later", Tasks.class.getName(), "process", StartOptions.id("later-task"), 7);
        assertThat(handle.getResult()).isEqualTo(49);
        assertThat(client.deleteQueue("made-later")).isTrue();
        assertThat(client.getQueue("made-later")).isEmpty();
      }
      assertThat(dbos.listQueues()).extracting(Queue::name).doesNotContain("made-later");
    }
  }
}
