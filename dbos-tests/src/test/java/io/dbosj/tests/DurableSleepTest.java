package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;

class DurableSleepTest {

  @BothDatabases
  void aSleepRecordsItsWakeUpTimeOnceAndARestartSleepsOnlyWhatRemains(TestDatabase db)
      throws Exception {
    long sleepMillis = 4_000;
    long startedAt = System.currentTimeMillis();
    try (DBOS dbos = db.builder().build()) {
      OrdersDurable orders = new OrdersDurable(dbos, new Journal());
      dbos.launch();
      orders.start(StartOptions.id("sleeper")).sleepy(sleepMillis);
      RecoveryTest.awaitStatus(db, "sleeper", "PENDING");
      Await.until("the sleep to be recorded", () -> db.steps("sleeper").size() >= 2, () -> db.steps("sleeper"));
    }
    long wakeAt =
        Long.parseLong(
            db.value(
                "SELECT output FROM " + db.table("operation_outputs")
                    + " WHERE workflow_uuid = 'sleeper' AND function_id = 1"));
    assertThat(db.steps("sleeper")).containsExactly("0:reserve", "1:DBOS.sleep");
    assertThat(wakeAt).isBetween(startedAt + sleepMillis, System.currentTimeMillis() + sleepMillis);

    Journal after = new Journal();
    try (DBOS dbos = db.builder().build()) {
      new OrdersDurable(dbos, after);
      dbos.launch();
      assertThat(dbos.<Long>retrieveWorkflow("sleeper").getResult()).isEqualTo(sleepMillis);
      long finishedAt = System.currentTimeMillis();

      assertThat(finishedAt).isGreaterThanOrEqualTo(wakeAt);
      assertThat(after.entries()).containsExactly("reserve after-sleep");
      assertThat(db.steps("sleeper")).containsExactly("0:reserve", "1:DBOS.sleep", "2:reserve");
    }
  }
}
