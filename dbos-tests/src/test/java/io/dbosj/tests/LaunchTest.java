package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DbosException;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LaunchTest {

  @Test
  void anUnreachableDatabaseFailsLaunchNamingTheUrlWithoutItsPassword() {
    try (DBOS dbos =
        DBOS.builder().systemDatabaseUrl("postgresql://app:s3cret@127.0.0.1:1/nowhere").build()) {
      assertThatThrownBy(dbos::launch)
          .isInstanceOf(DbosException.class)
          .hasMessageContaining("postgresql://app:***@127.0.0.1:1/nowhere")
          .hasMessageNotContaining("s3cret")
          .hasCauseInstanceOf(java.sql.SQLException.class);
    }
  }

  @Test
  void aMalformedUrlIsRejectedWhenBuildingWithTheFormsThatWork() {
    assertThatThrownBy(() -> DBOS.builder().systemDatabaseUrl("mysql://u:pw@h/db").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("system database")
        .hasMessageContaining("postgresql://user:password@host:5432/database")
        .hasMessageNotContaining("pw@");
  }

  @BothDatabases
  void launchCreatesTheDbosTablesAndASecondLaunchKeepsThem(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
    }
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
    }
    assertThat(db.rows("SELECT version FROM " + db.table("dbos_migrations"))).containsExactly(List.of("123"));
    for (String table :
        new String[] {
            "workflow_status", "operation_outputs", "notifications", "workflow_events", "streams", "workflow_input",
            "workflow_output", "workflow_events_history", "event_dispatch_kv", "queues", "workflow_schedules"}) {
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table(table))).isEqualTo("0");
    }
    // each launch registers its version, as DBOS's do: the second found it registered
    assertThat(db.value("SELECT COUNT(*) FROM " + db.table("application_versions"))).isEqualTo("1");
  }

  @BothDatabases
  void launchesTogetherOnAnEmptyDatabaseMigrateItOnce(TestDatabase db) throws Exception {
    int launches = 8;
    ExecutorService threads = Executors.newFixedThreadPool(launches);
    CyclicBarrier together = new CyclicBarrier(launches);
    List<Future<?>> done = new ArrayList<>();
    List<DBOS> engines = Collections.synchronizedList(new ArrayList<>());
    try {
      for (int i = 0; i < launches; i++) {
        done.add(threads.submit(() -> {
          DBOS dbos = db.builder().build();
          engines.add(dbos);
          together.await();
          dbos.launch();
          return null;
        }));
      }
      for (Future<?> launch : done) {
        launch.get(60, TimeUnit.SECONDS); // none failed
      }
    } finally {
      engines.forEach(DBOS::close);
      threads.shutdownNow();
    }
    assertThat(db.rows("SELECT version FROM " + db.table("dbos_migrations"))).containsExactly(List.of("123"));
  }

  @BothDatabases
  void aDatabaseAtANewerSchemaVersionWithEveryColumnWeUseIsAcceptedAndLeftAsItIs(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
    }
    db.update("UPDATE " + db.table("dbos_migrations") + " SET version = 124");

    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
    }
    assertThat(db.rows("SELECT version FROM " + db.table("dbos_migrations"))).containsExactly(List.of("124"));
  }

  @BothDatabases
  void aDatabaseAtANewerSchemaVersionLackingAColumnWeUseIsRefusedNamingItAndLeftAsItIs(TestDatabase db)
      throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
    }
    db.update("UPDATE " + db.table("dbos_migrations") + " SET version = 124");
    db.update("ALTER TABLE " + db.table("workflow_status") + " DROP COLUMN owner_xid");

    try (DBOS dbos = db.builder().build()) {
      assertThatThrownBy(dbos::launch)
          .isInstanceOf(DbosException.class)
          .hasMessageContaining("schema version 124")
          .hasMessageContaining("lacks workflow_status.owner_xid");
    }
    assertThat(db.rows("SELECT version FROM " + db.table("dbos_migrations"))).containsExactly(List.of("124"));
  }
}
