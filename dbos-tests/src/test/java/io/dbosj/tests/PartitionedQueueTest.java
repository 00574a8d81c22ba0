package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.TenantsDurable;
import io.dbosj.tests.fixtures.Tenants;
import io.dbosj.tests.fixtures.Tracker;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Queues partitioned by a key (a tenant, a user): each partition gets the partition limits of its own. */
class PartitionedQueueTest {

  private static List<WorkflowHandle<String>> enqueue(TenantsDurable tenants, Queue queue, int each, String... keys) {
    List<WorkflowHandle<String>> handles = new ArrayList<>();
    for (int n = 0; n < each; n++) {
      for (String key : keys) {
        handles.add(tenants.start(StartOptions.defaults().queue(queue).queuePartitionKey(key)).work(key, n));
      }
    }
    return handles;
  }

  private static void awaitAll(List<WorkflowHandle<String>> handles) {
    handles.forEach(WorkflowHandle::getResult);
  }

  @BothDatabases
  void eachPartitionRunsOneTaskAtATimeInOrderWhileOtherPartitionsRunBesideIt(TestDatabase db) throws Exception {
    Queue queue = Queue.of("tenants").partitionConcurrency(1);
    Journal journal = new Journal();
    Tracker all = new Tracker();
    Map<String, Tracker> byTenant = Tenants.trackers();
    try (DBOS dbos = db.builder().build()) {
      dbos.register(queue);
      TenantsDurable tenants = new TenantsDurable(dbos, journal, all, byTenant, 100, queue);
      dbos.launch();

      awaitAll(enqueue(tenants, queue, 3, "acme", "globex", "initech"));
    }
    assertThat(byTenant).hasSize(3);
    byTenant.forEach((tenant, tracker) -> assertThat(tracker.maxRunning()).as(tenant).isEqualTo(1));
    assertThat(all.maxRunning()).as("partitions run beside each other").isGreaterThanOrEqualTo(2);
    assertThat(journal.entries().stream().filter(e -> e.startsWith("acme")))
        .containsExactly("acme 0", "acme 1", "acme 2");
    assertThat(db.value("SELECT queue_partition_key FROM " + db.table("workflow_status") + " WHERE status = 'SUCCESS'"
            + " ORDER BY created_at LIMIT 1"))
        .isEqualTo("acme");
  }

  @BothDatabases
  void partitionAndQueueLimitsHoldAcrossTwoExecutorsSharingTheDatabase(TestDatabase db) throws Exception {
    Queue queue = Queue.of("shared-tenants").concurrency(3).workerConcurrency(2).partitionConcurrency(2).partitionWorkerConcurrency(1);
    Map<String, Tracker> byTenantInA = Tenants.trackers();
    Map<String, Tracker> byTenantInB = Tenants.trackers();
    try (DBOS first = db.builder().executorId("executor-a").build();
        DBOS second = db.builder().executorId("executor-b").build()) {
      first.register(queue);
      second.register(queue);
      Tracker allInA = new Tracker();
      Tracker allInB = new Tracker();
      // each process counts its own tasks; the shared trackers count both
      TenantsDurable a = new TenantsDurable(first, new Journal(), allInA, byTenantInA, 120, queue);
      new TenantsDurable(second, new Journal(), allInB, byTenantInB, 120, queue);
      first.launch();
      second.launch();

      List<WorkflowHandle<String>> handles = enqueue(a, queue, 4, "t1", "t2", "t3", "t4");
      awaitAll(handles);
      for (Map<String, Tracker> perProcess : List.of(byTenantInA, byTenantInB)) {
        perProcess.forEach((tenant, tracker) ->
            assertThat(tracker.maxRunning()).as("%s in one process", tenant).isLessThanOrEqualTo(1));
      }
      assertThat(overlapAtMost(db, "shared-tenants", null)).isLessThanOrEqualTo(3);
      for (String tenant : List.of("t1", "t2", "t3", "t4")) {
        assertThat(overlapAtMost(db, "shared-tenants", tenant)).as(tenant).isLessThanOrEqualTo(2);
      }
      assertThat(db.rows("SELECT DISTINCT executor_id FROM " + db.table("workflow_status")
          + " WHERE queue_name = 'shared-tenants'")).hasSize(2);
    }
  }

  /** The most workflows of {@code queue} (of one partition, if given) whose runs overlapped, from their rows. */
  private static int overlapAtMost(TestDatabase db, String queue, String partition) throws Exception {
    List<long[]> runs = new ArrayList<>();
    for (List<String> row : db.rows("SELECT started_at_epoch_ms, completed_at FROM " + db.table("workflow_status")
        + " WHERE queue_name = ?" + (partition == null ? "" : " AND queue_partition_key = '" + partition + "'"), queue)) {
      runs.add(new long[] {Long.parseLong(row.get(0)), Long.parseLong(row.get(1))});
    }
    int most = 0;
    for (long[] run : runs) {
      int at = 0;
      for (long[] other : runs) {
        if (other[0] <= run[0] && run[0] < other[1]) {
          at++;
        }
      }
      most = Math.max(most, at);
    }
    return most;
  }

  @BothDatabases
  void aPartitionRateLimitSpacesEachPartitionsStartsButNotTheOthers(TestDatabase db) throws Exception {
    Queue queue = Queue.of("paced-tenants").partitionRateLimit(1, Duration.ofMillis(400));
    try (DBOS dbos = db.builder().build()) {
      dbos.register(queue);
      TenantsDurable tenants = new TenantsDurable(dbos, new Journal(), new Tracker(), Tenants.trackers(), 0, queue);
      dbos.launch();

      awaitAll(enqueue(tenants, queue, 3, "north", "south"));
    }
    for (String tenant : List.of("north", "south")) {
      List<Long> starts = new ArrayList<>();
      for (List<String> row : db.rows("SELECT started_at_epoch_ms FROM " + db.table("workflow_status")
          + " WHERE queue_partition_key = ? ORDER BY started_at_epoch_ms", tenant)) {
        starts.add(Long.parseLong(row.get(0)));
      }
      assertThat(starts).hasSize(3);
      for (int i = 0; i + 1 < starts.size(); i++) {
        assertThat(starts.get(i + 1) - starts.get(i)).as("%s starts %s", tenant, starts).isGreaterThanOrEqualTo(400);
        assertThat(starts.get(i + 1) - starts.get(i)).as("%s starts %s: woken as the window opens", tenant, starts)
            .isLessThan(900);
      }
    }
    List<List<String>> firsts = db.rows("SELECT MIN(started_at_epoch_ms) FROM " + db.table("workflow_status")
        + " GROUP BY queue_partition_key");
    long apart = Math.abs(Long.parseLong(firsts.get(0).get(0)) - Long.parseLong(firsts.get(1).get(0)));
    assertThat(apart).as("each partition has a window of its own").isLessThan(400);
  }

  @BothDatabases
  void anEnqueueNamesAPartitionExactlyWhenItsQueueIsPartitioned(TestDatabase db) throws Exception {
    Queue partitioned = Queue.of("by-tenant").partitionConcurrency(1);
    Queue plain = Queue.of("plain");
    try (DBOS dbos = db.builder().build()) {
      dbos.register(partitioned);
      dbos.register(plain);
      TenantsDurable tenants = new TenantsDurable(dbos, new Journal(), new Tracker(), Tenants.trackers(), 0, plain);
      dbos.launch();

      assertThatThrownBy(() -> tenants.enqueue(partitioned).work("acme", 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("by-tenant")
          .hasMessageContaining("queuePartitionKey");
      assertThatThrownBy(() -> tenants.start(StartOptions.defaults().queue(plain).queuePartitionKey("acme")).work("acme", 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("plain")
          .hasMessageContaining("partition");
      assertThatThrownBy(() -> tenants.start(StartOptions.defaults().queuePartitionKey("acme")).work("acme", 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("without a queue");
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("workflow_status"))).isEqualTo("0");
    }
  }
}
