package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.DbosException;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowFilter;
import io.dbosj.WorkflowState;
import io.dbosj.WorkflowStatus;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Orders;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.SystemSchema;
import io.dbosj.tests.support.TestDatabase;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The system database has DBOS Transact TS 5.3's layout, compared mechanically with a {@code
 * pg_dump} of one DBOS made; io.dbosj's first layout is upgraded to it in place; and databases
 * DBOS TS 5.3 and DBOS Java 1.1 made are used as DBOS left them.
 */
class SystemSchemaTest {
  private static final String DBOS_TS = "/dbos-schema/dbos-ts-5.3.0.sql";
  private static final String DBOS_JAVA = "/dbos-schema/dbos-java-1.1.0-m6.sql";

  /** DBOS TS 5.3's layout on SQLite: what SQLite cannot hold, a GIN index on {@code jsonb}, is left out. */
  private static Set<String> dbosTsOnSqlite() throws Exception {
    Set<String> expected = new TreeSet<>(SystemSchema.sqliteShapeOfDump(DBOS_TS));
    expected.remove("index idx_workflow_status_attributes");
    return expected;
  }

  /** DBOS TS 5.3's layout as DBOS made it, described by the same catalog queries as ours. */
  private static Set<String> dbosTs(TestDatabase db) throws Exception {
    if (db.kind() == TestDatabase.Kind.SQLITE) {
      return dbosTsOnSqlite();
    }
    SystemSchema.load(db, DBOS_TS);
    Set<String> reference = SystemSchema.of(db);
    db.update("DROP SCHEMA dbos CASCADE");
    return reference;
  }

  /** DBOS's functions compare by signature and settings: their bodies are ours, written to do what DBOS's do. */
  @BothDatabases
  void aNewSystemDatabaseHasDbosTs53sLayoutAndRecordsItsMigrationNumber(TestDatabase db) throws Exception {
    Set<String> expected = dbosTs(db);
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
    }

    assertThat(SystemSchema.differences(SystemSchema.of(db), expected)).isEmpty();
    assertThat(db.rows("SELECT version FROM " + db.table("dbos_migrations"))).containsExactly(List.of("123"));
  }

  @BothDatabases
  void aVersion1DatabaseIsUpgradedInPlaceKeepingItsRowsAndItsWorkflowRecovers(TestDatabase db) throws Exception {
    Set<String> expected = dbosTs(db);
    SystemSchema.load(db, "/schema-v1/" + (db.kind() == TestDatabase.Kind.POSTGRES ? "postgres.sql" : "sqlite.sql"));
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().executorId("v1-executor").build()) {
      new OrdersDurable(dbos, journal);
      dbos.launch();
      assertThat(dbos.retrieveWorkflow("v1-pending", String.class).getResult()).isEqualTo("reserved-fig/100");
      assertThat(dbos.retrieveWorkflow("v1-done", String.class).getResult()).isEqualTo("reserved-kiwi/3/v1-done");
    }

    assertThat(journal.entries()).as("the step recorded before the upgrade is not run again").containsExactly("gate", "charge 100");
    Set<String> schema = SystemSchema.of(db);
    if (db.kind() == TestDatabase.Kind.SQLITE) {
      // SQLite drops no constraint: the unique (queue_name, deduplication_id) of version 1, which
      // admits exactly the rows DBOS's partial index does, stays in place of that index
      expected.remove("index uq_workflow_status_dedup_id");
      // nor a NOT NULL: recovery_attempts keeps version 1's, which every row satisfies
      expected.remove("column workflow_status.recovery_attempts");
      expected.add("column workflow_status.recovery_attempts not null");
    }
    assertThat(SystemSchema.differences(schema, expected)).isEmpty();
    assertThat(db.rows("SELECT version FROM " + db.table("dbos_migrations"))).containsExactly(List.of("123"));
    assertThat(
            db.rows(
                "SELECT workflow_uuid, status, serialization, CASE WHEN completed_at IS NULL THEN 'open' ELSE 'completed' END FROM "
                    + db.table("workflow_status") + " ORDER BY workflow_uuid"))
        .containsExactly(
            List.of("v1-done", "SUCCESS", "json", "completed"),
            List.of("v1-pending", "SUCCESS", "json", "completed"));
    assertThat(db.steps("v1-done")).containsExactly("0:reserve", "1:charge", "2:ship");
    assertThat(db.steps("v1-pending")).containsExactly("0:reserve", "1:waitAtGate", "2:charge");
  }

  @BothDatabases
  void aDatabaseAtAnotherDbosVersionLackingWhatWeUseIsRefusedByTheClientAndLaunchNamingIt(TestDatabase db)
      throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
    }
    db.update("UPDATE " + db.table("dbos_migrations") + " SET version = 41");
    db.update("ALTER TABLE " + db.table("workflow_status") + " DROP COLUMN was_forked_from");

    assertThatThrownBy(() -> DBOSClient.connect(db.url()))
        .isInstanceOf(DbosException.class)
        .hasMessageContaining("schema version 41")
        .hasMessageContaining("workflow_status.was_forked_from");
    try (DBOS dbos = db.builder().build()) {
      assertThatThrownBy(dbos::launch).isInstanceOf(DbosException.class).hasMessageContaining("workflow_status.was_forked_from");
    }
  }

  @BothDatabases
  void theClientNeitherCreatesNorUpgradesDbosTables(TestDatabase db) throws Exception {
    assumeTrue(db.kind() == TestDatabase.Kind.POSTGRES, "a SQLite file the client opens must exist already");
    db.update("CREATE SCHEMA dbos");
    db.update("CREATE TABLE dbos.dbos_migrations (version bigint primary key)");

    assertThatThrownBy(() -> DBOSClient.connect(db.url()))
        .isInstanceOf(DbosException.class)
        .hasMessageContaining("has no DBOS schema yet")
        .hasMessageContaining("dbos migrate");
    db.update("INSERT INTO dbos.dbos_migrations VALUES (1)");
    assertThatThrownBy(() -> DBOSClient.connect(db.url()))
        .isInstanceOf(DbosException.class)
        .hasMessageContaining("first schema version (1)");
    assertThat(db.value("SELECT count(*) FROM pg_tables WHERE schemaname = 'dbos'")).isEqualTo("1");
  }

  @BothDatabases
  void aDatabaseDbosTs53MadeIsUsedAsDbosLeftIt(TestDatabase db) throws Exception {
    assumeTrue(db.kind() == TestDatabase.Kind.POSTGRES, "DBOS TS makes its system database on PostgreSQL");
    SystemSchema.load(db, DBOS_TS);
    db.update("INSERT INTO dbos.dbos_migrations VALUES (123)");
    Set<String> before = SystemSchema.of(db);

    runsAndManagesWorkflows(db);

    assertThat(SystemSchema.differences(SystemSchema.of(db), before)).isEmpty();
    assertThat(db.rows("SELECT version FROM dbos.dbos_migrations")).containsExactly(List.of("123"));
  }

  @BothDatabases
  void aDatabaseDbosJava11MadeIsUsedAsDbosLeftIt(TestDatabase db) throws Exception {
    assumeTrue(db.kind() == TestDatabase.Kind.POSTGRES, "DBOS Java makes its system database on PostgreSQL");
    SystemSchema.load(db, DBOS_JAVA);
    db.update("INSERT INTO dbos.dbos_migrations VALUES (41)");
    Set<String> before = SystemSchema.of(db);

    runsAndManagesWorkflows(db);

    assertThat(SystemSchema.differences(SystemSchema.of(db), before)).isEmpty();
    assertThat(db.rows("SELECT version FROM dbos.dbos_migrations")).containsExactly(List.of("41"));
  }

  @BothDatabases
  void inputsAndOutcomesDbosTsWroteIntoItsPayloadTablesAreReadFromThere(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
    }
    try (DBOSClient client = DBOSClient.connect(db.url())) {
      client.enqueue("orders", Orders.class.getName(), "placeOrder", StartOptions.id("ts-enqueued"), "plum", 7);
    }
    // where DBOS TS's client puts a workflow's inputs: workflow_input alone
    db.update(
        "INSERT INTO " + db.table("workflow_input") + " (workflow_uuid, inputs) SELECT workflow_uuid, inputs FROM "
            + db.table("workflow_status") + " WHERE workflow_uuid = 'ts-enqueued'");
    db.update("UPDATE " + db.table("workflow_status") + " SET inputs = NULL WHERE workflow_uuid = 'ts-enqueued'");

    Queue queue = Queue.of("orders");
    try (DBOS dbos = db.builder().build()) {
      new OrdersDurable(dbos, new Journal());
      dbos.register(queue);
      dbos.launch();
      assertThat(dbos.retrieveWorkflow("ts-enqueued", String.class).getResult()).isEqualTo("reserved-plum/7/ts-enqueued");
      // and an outcome DBOS TS recorded in workflow_output is the one read
      db.update(
          "INSERT INTO " + db.table("workflow_output") + " (workflow_uuid, output) VALUES ('ts-enqueued', '\"from-workflow-output\"')");
      assertThat(dbos.retrieveWorkflow("ts-enqueued", String.class).getResult()).isEqualTo("from-workflow-output");
    }
  }

  @BothDatabases
  void dbosTsSqlFunctionsEnqueueAndSendAsDbosTsDoes(TestDatabase db) throws Exception {
    assumeTrue(db.kind() == TestDatabase.Kind.POSTGRES, "SQLite has no SQL functions");
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
    }
    assertThat(
            db.value(
                "SELECT dbos.enqueue_workflow('placeOrder', 'orders', ARRAY['\"kiwi\"', '3']::json[],"
                    + " class_name => 'io.dbosj.tests.fixtures.Orders', workflow_id => 'by-sql')"))
        .isEqualTo("by-sql");
    assertThat(db.rows("SELECT status, name, queue_name, serialization, inputs IS NULL, owner_xid IS NOT NULL FROM dbos.workflow_status"))
        .containsExactly(List.of("ENQUEUED", "placeOrder", "orders", "portable_json", "t", "t"));
    assertThat(db.value("SELECT inputs FROM dbos.workflow_input WHERE workflow_uuid = 'by-sql'"))
        .isEqualTo("{\"positionalArgs\" : [\"kiwi\",3], \"namedArgs\" : {}}");
    assertThatThrownBy(() -> db.value("SELECT dbos.enqueue_workflow('', 'orders')")).hasMessageContaining("Workflow name cannot be null or empty");

    try (java.sql.Connection listener = db.connect()) {
      try (java.sql.Statement s = listener.createStatement()) {
        s.execute("LISTEN dbos_notifications_channel");
      }
      db.value("SELECT dbos.send_message('by-sql', '{\"hello\": 1}'::json, 'greeting')::text");
      org.postgresql.PGNotification[] woken =
          listener.unwrap(org.postgresql.PGConnection.class).getNotifications(10_000);
      assertThat(woken).isNotNull().extracting(org.postgresql.PGNotification::getParameter).contains("by-sql::greeting");
    }
    assertThat(db.rows("SELECT topic, message, serialization, consumed, message_uuid IS NOT NULL FROM dbos.notifications"))
        .containsExactly(List.of("greeting", "{\"hello\": 1}", "portable_json", "f", "t"));
    assertThatThrownBy(() -> db.value("SELECT dbos.send_message('nobody', '1'::json)::text"))
        .hasMessageContaining("DBOS non-existent workflow");
  }

  /** A workflow runs, a client lists, cancels, resumes and forks: the writes and reads DBOS's layouts must take. */
  private static void runsAndManagesWorkflows(TestDatabase db) throws Exception {
    Journal journal = new Journal();
    Queue queue = Queue.of("orders");
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.register(queue);
      dbos.launch();
      assertThat(orders.start(StartOptions.id("here")).placeOrder("kiwi", 3).getResult()).isEqualTo("reserved-kiwi/3/here");
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.listWorkflows(WorkflowFilter.all())).extracting(WorkflowStatus::workflowId).containsExactly("here");
        assertThat(client.listWorkflowSteps("here")).hasSize(3);
        assertThat(client.cancelWorkflow("here")).as("finished already").isFalse();
        assertThat(client.enqueue("orders", Orders.class.getName(), "placeOrder", StartOptions.id("queued"), "fig", 5).getResult())
            .isEqualTo("reserved-fig/5/queued");
        assertThat(client.forkWorkflow("here", 2, StartOptions.id("forked")).getResult()).isEqualTo("reserved-kiwi/3/forked");
      }
    }
    assertThat(db.rows("SELECT workflow_uuid, was_forked_from, completed_at IS NOT NULL FROM dbos.workflow_status ORDER BY workflow_uuid"))
        .containsExactly(List.of("forked", "f", "t"), List.of("here", "t", "t"), List.of("queued", "f", "t"));
    assertThat(db.status("forked")).isEqualTo(WorkflowState.SUCCESS.name());
  }
}
