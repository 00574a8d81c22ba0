package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DbosException;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
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
    assertThat(db.value("SELECT MAX(version) FROM " + db.table("dbos_migrations"))).isEqualTo("1");
    for (String table : new String[] {"workflow_status", "operation_outputs", "notifications", "workflow_events", "streams"}) {
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table(table))).isEqualTo("0");
    }
  }
}
