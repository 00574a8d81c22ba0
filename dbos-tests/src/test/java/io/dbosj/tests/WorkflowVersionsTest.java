package io.dbosj.tests;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowVersioning;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Orders;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.util.List;
import java.util.Map;

/**
 * Deploys that change the code while workflows are in flight: which recorded workflows a process
 * recovers and dequeues. "Code whose signature changed" is played by rewriting the fingerprint a
 * row was recorded with: one JVM cannot hold two versions of a class.
 */
class WorkflowVersionsTest {
  private static final String OTHER_CODE = "0123456789abcdef0123456789abcdef";

  /**
   * A launch registers its version in DBOS's {@code application_versions} as its application's, as
   * DBOS's launches do: DBOS's clients enqueue a schedule's runs on the latest version there.
   */
  @BothDatabases
  void aLaunchRegistersItsVersionAsItsApplicationsOnceAndLeavesAnotherApplicationsAlone(TestDatabase db)
      throws Exception {
    for (String version : List.of("v1", "v2", "v1")) {
      try (DBOS dbos = db.builder().appVersion(version).build()) {
        dbos.launch();
      }
    }
    try (DBOS dbos = db.builder().appName("other").appVersion("v2").build()) {
      dbos.launch(); // v2 is the application "test"'s: launch goes on, leaving it so
    }
    assertThat(db.rows("SELECT version_name, application_name FROM " + db.table("application_versions")
            + " ORDER BY version_timestamp, version_name"))
        .containsExactly(List.of("v1", "test"), List.of("v2", "test"));
  }

  @BothDatabases
  void aWorkflowOfAnotherVersionWhoseCodeIsUnchangedHereIsRecoveredUnlessVersionsAreWhole(TestDatabase db)
      throws Exception {
    interruptAtGate(db, "v1", "interrupted");

    try (DBOS dbos = db.builder().appVersion("v2").workflowVersioning(WorkflowVersioning.BY_APPLICATION_VERSION).build()) {
      new OrdersDurable(dbos, new Journal());
      dbos.launch();
      assertThat(recovered(dbos)).as("DBOS's rule: another version's").isEmpty();
    }
    assertThat(db.status("interrupted")).isEqualTo("PENDING");
    assertThat(attempts(db, "interrupted")).as("not counted as an attempt").isEqualTo("1");

    try (DBOS dbos = db.builder().appVersion("v2").build()) {
      new OrdersDurable(dbos, new Journal());
      dbos.launch();
      assertThat(recovered(dbos)).containsExactly("interrupted");
      assertThat(dbos.<String>retrieveWorkflow("interrupted").getResult()).isEqualTo("reserved-lime/100");
    }
  }

  @BothDatabases
  void aWorkflowWhoseSignatureChangedIsLeftPendingWithItsReasonAndAForkMovesIt(TestDatabase db) throws Exception {
    interruptAtGate(db, "v1", "changed");
    recordedBy(db, "changed", "v1", OTHER_CODE);
    List<String> stepsBefore = db.steps("changed");

    try (DBOS dbos = db.builder().appVersion("v2").build()) {
      new OrdersDurable(dbos, new Journal());
      dbos.launch();
      assertThat(recovered(dbos)).isEmpty();
      assertThat(db.status("changed")).isEqualTo("PENDING");
      assertThat(attempts(db, "changed")).isEqualTo("1");
      assertThat(db.steps("changed")).isEqualTo(stepsBefore);
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        Map<String, String> stranded = client.strandedWorkflows(List.of("changed"));
        assertThat(stranded.get("changed"))
            .contains("recorded by application version v1 with workflow fingerprint " + OTHER_CODE)
            .contains("live: local (version v2)")
            .contains("dbos workflow fork <id>");

        String fork = client.forkWorkflow("changed", 0, StartOptions.id("moved"), "v2").workflowId();
        assertThat(dbos.<String>retrieveWorkflow(fork).getResult()).isEqualTo("reserved-lime/100");
        assertThat(client.strandedWorkflows(List.of("moved"))).as("finished").isEmpty();
      }
    }

    try (DBOS dbos = db.builder().appVersion("v1").build()) {
      new OrdersDurable(dbos, new Journal());
      dbos.launch();
      assertThat(recovered(dbos)).as("its own version runs it").containsExactly("changed");
      assertThat(dbos.<String>retrieveWorkflow("changed").getResult()).isEqualTo("reserved-lime/100");
    }
  }

  @BothDatabases
  void queuedWorkflowsNoProcessHereCanRunDoNotHoldUpThoseBehindThem(TestDatabase db) throws Exception {
    Queue queue = Queue.of("orders").concurrency(1);
    String recordedHere;
    try (DBOS dbos = db.builder().appVersion("v1").build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("source")).placeOrder("fig", 1);
      dbos.retrieveWorkflow("source").getResult();
      recordedHere = db.value("SELECT attributes FROM " + db.table("workflow_status") + " WHERE workflow_uuid = 'source'");
    }
    assertThat(recordedHere).contains("dbosj.fingerprint");
    try (DBOSClient client = DBOSClient.connect(db.url())) {
      for (String id : List.of("old-code-1", "old-code-2", "same-code", "no-version")) {
        client.enqueue("orders", Orders.class.getName(), "placeOrder", StartOptions.id(id), "fig", 2);
        awaitNextMillisecond(); // created_at orders the queue, in milliseconds
      }
    }
    recordedBy(db, "old-code-1", "v0", OTHER_CODE);
    recordedBy(db, "old-code-2", "v0", OTHER_CODE);
    db.update("UPDATE " + db.table("workflow_status") + " SET application_version = 'v0', attributes = "
        + jsonb(db) + " WHERE workflow_uuid = 'same-code'", recordedHere);

    try (DBOS dbos = db.builder().appVersion("v2").build()) {
      dbos.register(queue);
      new OrdersDurable(dbos, new Journal());
      dbos.launch();

      assertThat(dbos.<String>retrieveWorkflow("same-code").getResult()).isEqualTo("reserved-fig/2/same-code");
      assertThat(dbos.<String>retrieveWorkflow("no-version").getResult()).isEqualTo("reserved-fig/2/no-version");
      assertThat(db.status("old-code-1")).isEqualTo("ENQUEUED");
      assertThat(db.status("old-code-2")).isEqualTo("ENQUEUED");
    }
  }

  private static void interruptAtGate(TestDatabase db, String version, String workflowId) throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = db.builder().appVersion(version).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      orders.start(StartOptions.id(workflowId)).gatedOrder("lime");
      journal.awaitBlocked();
    }
    assertThat(db.status(workflowId)).isEqualTo("PENDING");
  }

  /** Makes the row look recorded by {@code version} whose code of the workflow has {@code fingerprint}. */
  private static void recordedBy(TestDatabase db, String workflowId, String version, String fingerprint) throws Exception {
    db.update("UPDATE " + db.table("workflow_status") + " SET application_version = ?, attributes = " + jsonb(db)
        + " WHERE workflow_uuid = ?", version, "{\"dbosj.fingerprint\":\"" + fingerprint + "\"}", workflowId);
  }

  private static String jsonb(TestDatabase db) {
    return db.kind() == TestDatabase.Kind.POSTGRES ? "cast(? as jsonb)" : "?";
  }

  private static String attempts(TestDatabase db, String workflowId) throws Exception {
    return db.value("SELECT recovery_attempts FROM " + db.table("workflow_status") + " WHERE workflow_uuid = ?", workflowId);
  }

  private static List<String> recovered(DBOS dbos) throws Exception {
    return dbos.recovery().get(Await.DEADLINE.toSeconds(), SECONDS);
  }

  private static void awaitNextMillisecond() throws InterruptedException {
    long now = System.currentTimeMillis();
    while (System.currentTimeMillis() <= now) {
      Thread.sleep(1);
    }
  }
}
