package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.DbosException;
import io.dbosj.Queue;
import io.dbosj.QueueDeduplicatedException;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.WorkflowState;
import io.dbosj.WorkflowStatus;
import io.dbosj.tests.fixtures.GreetingsDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.SlowToRead;
import io.dbosj.tests.fixtures.TasksDurable;
import io.dbosj.tests.fixtures.Tracker;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

class QueueTest {

  @BothDatabases
  void aWorkflowFansTasksOutOnAQueueAndGathersTheirResults(TestDatabase db) throws Exception {
    Queue queue = Queue.of("fan-out").concurrency(5);
    Journal journal = new Journal();
    Tracker tracker = new Tracker();
    try (DBOS dbos = db.builder().build()) {
      dbos.register(queue);
      TasksDurable tasks = new TasksDurable(dbos, journal, tracker, queue, 100);
      dbos.launch();

      List<Integer> results = tasks.start(StartOptions.id("fan")).fanOut(10).getResult();

      assertThat(results).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81);
      assertThat(tracker.maxRunning()).isBetween(2, 5);
      assertThat(db.steps("fan")).hasSize(10).first().isEqualTo("0:process");
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("workflow_status") + " WHERE queue_name = 'fan-out' AND status = 'SUCCESS'"))
          .isEqualTo("10");
      assertThat(db.value("SELECT parent_workflow_id FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'fan-3'"))
          .isEqualTo("fan");
      assertThat(db.steps("fan-3")).containsExactly("0:process");
    }
  }

  @BothDatabases
  void onPostgresAnEnqueueNotifiesTheQueueRunnersOfEveryProcessWhenItCommits(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch(); // the client creates no schema
    }
    try (Connection listener = db.connect()) {
      boolean postgres = db.kind() == TestDatabase.Kind.POSTGRES;
      if (postgres) {
        try (Statement s = listener.createStatement()) {
          s.execute("LISTEN dbos_queue");
        }
      }
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        client.enqueue("told", "no.such.Class", "never", StartOptions.id("told-1"));
      }
      if (postgres) {
        PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(10_000);
        assertThat(notifications).isNotNull().extracting(PGNotification::getParameter).contains("told");
      }
      // no process runs this queue: the workflow waits for one
      assertThat(db.status("told-1")).isEqualTo("ENQUEUED");
    }
  }

  @BothDatabases
  void onPostgresEnqueuesInARunningProcessNotifyTheOtherProcessesOnceCommittedAFewNotificationsABurst(TestDatabase db) throws Exception {
    Queue web = Queue.of("web");
    Queue render = Queue.of("render");
    try (DBOS front = db.builder().executorId("front").listenQueues(web).build();
        Connection listener = db.connect()) {
      front.register(web);
      front.register(render);
      TasksDurable tasks = new TasksDurable(front, new Journal(), new Tracker(), web, 0);
      front.launch();
      boolean postgres = db.kind() == TestDatabase.Kind.POSTGRES;
      if (postgres) {
        try (Statement s = listener.createStatement()) {
          s.execute("LISTEN dbos_queue");
        }
      }
      long start = System.nanoTime();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        ids.add(tasks.enqueue(render).process(i).workflowId());
      }
      if (postgres) {
        List<String> heard = new ArrayList<>();
        Await.until("a notification naming the queue", () -> {
          PGNotification[] got = listener.unwrap(PGConnection.class).getNotifications(100);
          if (got != null) {
            for (PGNotification n : got) {
              heard.add(n.getParameter());
            }
          }
          return heard.contains("render");
        }, () -> heard);
        // a burst shares its notifications: at most one every 20 ms, and one more at its end
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(heard.stream().filter("render"::equals).count()).isBetween(1L, millis / 20 + 2);
      }
      // this process does not serve the queue: the workflows wait for one that does
      assertThat(db.status(ids.get(0))).isEqualTo("ENQUEUED");
      assertThat(db.status(ids.get(49))).isEqualTo("ENQUEUED");
    }
  }

  @BothDatabases
  void globalConcurrencyHoldsAcrossTwoExecutorsSharingTheDatabase(TestDatabase db) throws Exception {
    Queue queue = Queue.of("shared").concurrency(2).workerConcurrency(1);
    Tracker tracker = new Tracker();
    try (DBOS first = db.builder().executorId("executor-a").build();
        DBOS second = db.builder().executorId("executor-b").build()) {
      first.register(queue);
      second.register(queue);
      TasksDurable tasksA = new TasksDurable(first, new Journal(), tracker, queue, 150);
      new TasksDurable(second, new Journal(), tracker, queue, 150);
      first.launch();
      second.launch();

      List<WorkflowHandle<Integer>> handles = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        handles.add(tasksA.enqueue(queue).process(i));
      }
      for (WorkflowHandle<Integer> handle : handles) {
        handle.getResult();
      }

      assertThat(tracker.maxRunning()).isEqualTo(2);
      assertThat(db.rows("SELECT DISTINCT executor_id FROM " + db.table("workflow_status")))
          .hasSize(2);
    }
  }

  /**
   * A queue runner's claim commits before the workflow is running: its inputs are read back in
   * between. A recovery of this executor looking then must not take the row for one an ended
   * execution left {@code PENDING} and put it back on the queue, or it runs twice, once outside
   * the queue's limits (the launch recovery, running in the background, did so under load).
   */
  @BothDatabases
  void aRecoveryLeavesAloneAWorkflowTheQueueRunnerHasClaimedAndNotYetStarted(TestDatabase db) throws Exception {
    Queue queue = Queue.of("claimed").concurrency(1);
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().executorId("runner").adminServer(true).adminPort(0).build()) {
      dbos.register(queue);
      GreetingsDurable greetings = new GreetingsDurable(dbos, journal);
      dbos.launch();
      assertThat(dbos.recovery().get(30, TimeUnit.SECONDS)).isEmpty();

      SlowToRead whom = new SlowToRead("ada");
      WorkflowHandle<String> handle;
      try (SlowToRead.Hold reading = SlowToRead.holdNextReading("ada")) {
        handle = greetings.start(StartOptions.id("claimed-1").queue(queue)).greet(whom);
        reading.awaitReading(); // the runner has claimed it and is reading its inputs back
        assertThat(db.status("claimed-1")).isEqualTo("PENDING");

        assertThat(recoverExecutor(dbos, "runner")).isEqualTo("[]");
        assertThat(db.status("claimed-1")).isEqualTo("PENDING");
      }

      assertThat(handle.getResult()).isEqualTo("hello ada");
      assertThat(journal.entries()).containsExactly("greet ada");
    }
  }

  /** Asks the admin server to recover an executor's pending workflows; returns the IDs it recovered. */
  private static String recoverExecutor(DBOS dbos, String executorId) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dbos.adminPort() + "/dbos-workflow-recovery"))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString("[\"" + executorId + "\"]"))
            .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  @BothDatabases
  void workerConcurrencyLimitsTasksRunningInOneProcess(TestDatabase db) throws Exception {
    Queue queue = Queue.of("workers").workerConcurrency(3);
    Tracker tracker = new Tracker();
    try (DBOS dbos = db.builder().build()) {
      dbos.register(queue);
      TasksDurable tasks = new TasksDurable(dbos, new Journal(), tracker, queue, 100);
      dbos.launch();

      List<WorkflowHandle<Integer>> handles = new ArrayList<>();
      for (int i = 0; i < 9; i++) {
        handles.add(tasks.enqueue(queue).process(i));
      }
      for (WorkflowHandle<Integer> handle : handles) {
        handle.getResult();
      }

      assertThat(tracker.maxRunning()).isBetween(2, 3);
    }
  }

  @BothDatabases
  void aRateLimitAllowsNoMoreThanItsStartsInAnyWindow(TestDatabase db) throws Exception {
    List<Long> starts = startsOf(db, Queue.of("limited").rateLimit(2, Duration.ofMillis(700)), 6);
    for (int i = 0; i + 2 < starts.size(); i++) {
      assertThat(starts.get(i + 2) - starts.get(i)).as("starts %s", starts).isGreaterThanOrEqualTo(700);
    }
  }

  /** Runs {@code count} tasks through {@code queue} and returns when each started, in order. */
  private static List<Long> startsOf(TestDatabase db, Queue queue, int count) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.register(queue);
      TasksDurable tasks = new TasksDurable(dbos, new Journal(), new Tracker(), queue, 0);
      dbos.launch();

      List<WorkflowHandle<Integer>> handles = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        handles.add(tasks.enqueue(queue).process(i));
      }
      for (WorkflowHandle<Integer> handle : handles) {
        handle.getResult();
      }
    }
    List<Long> starts = new ArrayList<>();
    for (List<String> row :
        db.rows("SELECT started_at_epoch_ms FROM " + db.table("workflow_status") + " ORDER BY started_at_epoch_ms")) {
      starts.add(Long.parseLong(row.get(0)));
    }
    assertThat(starts).hasSize(count);
    return starts;
  }

  /**
   * A rate-limited queue with a backlog starts its next wave as soon as the window has room
   * again, not after an idle back-off: n starts per period, at the full rate.
   */
  @BothDatabases
  void aRateLimitedBacklogStartsEachWaveAsSoonAsTheWindowHasRoom(TestDatabase db) throws Exception {
    List<Long> starts = startsOf(db, Queue.of("waves").rateLimit(3, Duration.ofMillis(500)), 12);
    for (int wave = 1; wave < 4; wave++) {
      long gap = starts.get(wave * 3) - starts.get((wave - 1) * 3);
      assertThat(gap).as("wave %d after wave %d, starts %s", wave, wave - 1, starts).isBetween(500L, 800L);
    }
  }

  @BothDatabases
  void aProcessListeningToSomeQueuesLeavesTheOthersToProcessesThatServeThem(TestDatabase db) throws Exception {
    Queue web = Queue.of("web");
    Queue render = Queue.of("render");
    try (DBOS front = db.builder().executorId("front").listenQueues(web).build();
        DBOS worker = db.builder().executorId("worker").listenQueues(render).build()) {
      for (DBOS dbos : List.of(front, worker)) {
        dbos.register(web);
        dbos.register(render);
      }
      TasksDurable frontTasks = new TasksDurable(front, new Journal(), new Tracker(), web, 0);
      new TasksDurable(worker, new Journal(), new Tracker(), web, 0);
      front.launch();
      worker.launch();

      List<WorkflowHandle<Integer>> handles = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        handles.add(frontTasks.enqueue(render).process(i));
        handles.add(frontTasks.enqueue(web).process(i));
      }
      for (WorkflowHandle<Integer> handle : handles) {
        handle.getResult();
      }
    }
    assertThat(db.rows("SELECT DISTINCT executor_id FROM " + db.table("workflow_status") + " WHERE queue_name = 'render'"))
        .containsExactly(List.of("worker"));
    assertThat(db.rows("SELECT DISTINCT executor_id FROM " + db.table("workflow_status") + " WHERE queue_name = 'web'"))
        .containsExactly(List.of("front"));
  }

  @BothDatabases
  void listeningToAQueueThatIsNotRegisteredFailsTheLaunch(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().listenQueues(Queue.of("unknown")).build()) {
      assertThatThrownBy(dbos::launch)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[unknown]")
          .hasMessageContaining("dbos.register(queue)");
    }
  }

  @BothDatabases
  void aPriorityQueueStartsLowerNumbersFirst(TestDatabase db) throws Exception {
    Queue queue = Queue.of("urgent").concurrency(1).priorityEnabled(true);
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      dbos.register(queue);
      TasksDurable tasks = new TasksDurable(dbos, journal, new Tracker(), queue, 0);
      dbos.launch();

      WorkflowHandle<String> blocker = tasks.enqueue(queue).gated("blocker");
      journal.awaitBlocked();
      List<WorkflowHandle<Integer>> handles = new ArrayList<>();
      for (int priority : new int[] {5, 1, 3}) {
        handles.add(tasks.start(StartOptions.defaults().queue(queue).priority(priority)).process(priority));
      }
      journal.open();
      blocker.getResult();
      for (WorkflowHandle<Integer> handle : handles) {
        handle.getResult();
      }

      assertThat(journal.entries()).containsExactly("gated blocker", "task 1", "task 3", "task 5");
    }
  }

  @BothDatabases
  void aLiveDeduplicationIdRefusesASecondEnqueue(TestDatabase db) throws Exception {
    Queue queue = Queue.of("dedup");
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      dbos.register(queue);
      TasksDurable tasks = new TasksDurable(dbos, journal, new Tracker(), queue, 0);
      dbos.launch();

      WorkflowHandle<String> first =
          tasks.start(StartOptions.defaults().queue(queue).deduplicationId("customer-7")).gated("one");
      assertThatThrownBy(
              () -> tasks.start(StartOptions.defaults().queue(queue).deduplicationId("customer-7")).gated("two"))
          .isInstanceOf(QueueDeduplicatedException.class)
          .hasMessageContaining("customer-7")
          .hasMessageContaining("dedup");
      journal.open();
      first.getResult();

      assertThat(tasks.start(StartOptions.defaults().queue(queue).deduplicationId("customer-7")).gated("three").getResult())
          .isEqualTo("three");
      assertThat(journal.entries()).containsExactly("gated one", "gated three");
    }
  }

  @BothDatabases
  void closingLeavesUnstartedTasksEnqueuedAndTheNextLaunchRunsThemAll(TestDatabase db)
      throws Exception {
    Queue queue = Queue.of("serial").concurrency(1);
    Journal before = new Journal().closed();
    try (DBOS dbos = db.builder().build()) {
      dbos.register(queue);
      TasksDurable tasks = new TasksDurable(dbos, before, new Tracker(), queue, 0);
      dbos.launch();
      tasks.start(StartOptions.id("g").queue(queue)).gated("g");
      before.awaitBlocked();
      tasks.start(StartOptions.id("t1").queue(queue)).process(1);
      tasks.start(StartOptions.id("t2").queue(queue)).process(2);

      List<WorkflowStatus> queued = dbos.listQueuedWorkflows("serial");
      assertThat(queued).extracting(WorkflowStatus::workflowId).containsExactly("g", "t1", "t2");
      assertThat(queued).extracting(WorkflowStatus::state)
          .containsExactly(WorkflowState.PENDING, WorkflowState.ENQUEUED, WorkflowState.ENQUEUED);
    }
    assertThat(db.status("t1")).isEqualTo("ENQUEUED");

    Journal after = new Journal();
    try (DBOS dbos = db.builder().build()) {
      dbos.register(queue);
      new TasksDurable(dbos, after, new Tracker(), queue, 0);
      dbos.launch();
      assertThat(dbos.<Integer>retrieveWorkflow("t2").getResult()).isEqualTo(4);
      assertThat(dbos.<String>retrieveWorkflow("g").getResult()).isEqualTo("g");
      assertThat(after.entries()).containsExactly("gated g", "task 1", "task 2");
      assertThat(dbos.listQueuedWorkflows(null)).isEmpty();
    }
  }

  @BothDatabases
  void queuesAreRegisteredOnceBeforeLaunchAndUsedAsRegistered(TestDatabase db) throws Exception {
    Queue queue = Queue.of("q").concurrency(2);
    try (DBOS dbos = db.builder().build()) {
      dbos.register(queue);
      dbos.register(Queue.of("q").concurrency(2));
      assertThatThrownBy(() -> dbos.register(Queue.of("q").concurrency(3)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("already registered");
      TasksDurable tasks = new TasksDurable(dbos, new Journal(), new Tracker(), queue, 0);
      dbos.launch();

      assertThatThrownBy(() -> dbos.register(Queue.of("late")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("before launch()");
      assertThatThrownBy(() -> tasks.enqueue(Queue.of("unknown")).process(1))
          .isInstanceOf(DbosException.class)
          .hasMessageContaining("dbos.register(queue)");
      assertThatThrownBy(() -> tasks.start(StartOptions.defaults().queue(queue).priority(1)).process(1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("priorityEnabled(true)");
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("workflow_status"))).isEqualTo("0");
    }
  }

  @BothDatabases
  void aDequeuedWorkflowWhoseInputsCannotBeReadEndsInErrorAndDoesNotStallItsQueue(TestDatabase db) throws Exception {
    Queue queue = Queue.of("strict").concurrency(1);
    try (DBOS dbos = db.builder().build()) {
      dbos.register(queue);
      new io.dbosj.tests.fixtures.OrdersDurable(dbos, new Journal());
      dbos.launch();
      String orders = io.dbosj.tests.fixtures.Orders.class.getName();
      try (io.dbosj.DBOSClient client = io.dbosj.DBOSClient.connect(db.url())) {
        WorkflowHandle<Object> bad =
            client.enqueue("strict", orders, "placeOrder", StartOptions.id("bad-inputs"), "melon", "twelve");
        WorkflowHandle<Object> good =
            client.enqueue("strict", orders, "placeOrder", StartOptions.id("good-inputs"), "melon", 12);

        assertThat(good.getResult()).isEqualTo("reserved-melon/12/good-inputs");
        assertThatThrownBy(bad::getResult)
            .hasMessageContaining("bad-inputs")
            .hasMessageContaining("queue 'strict'")
            .hasMessageContaining("placeOrder");
        assertThat(db.status("bad-inputs")).isEqualTo("ERROR");
      }
    }
  }
}
