package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.tests.fixtures.ProgressDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A fork keeps the stream values and events its copied operations wrote, as DBOS's fork does. */
class ForkCommunicationTest {

  @BothDatabases
  void aForkKeepsTheStreamValuesAndEventsOfTheOperationsItCopies(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      ProgressDurable progress = new ProgressDurable(dbos);
      dbos.launch();
      progress.start(StartOptions.id("original")).report("x").getResult();
      // operations 0 (phase = one) and 1 (stream value "first") are copied; 2 on run again
      dbos.forkWorkflow("original", 2, StartOptions.id("fork")).getResult();

      try (Stream<String> log = dbos.readStream("fork", "log", String.class)) {
        assertThat(log.collect(Collectors.toList())).containsExactly("first", "second");
      }
      assertThat(db.rows(
              "SELECT function_id, value FROM " + db.table("workflow_events_history")
                  + " WHERE workflow_uuid = 'fork' ORDER BY function_id"))
          .containsExactly(List.of("0", "\"one\""), List.of("2", "\"two\""));
      assertThat(db.value(
              "SELECT value FROM " + db.table("workflow_events") + " WHERE workflow_uuid = 'fork' AND key = 'phase'"))
          .isEqualTo("\"two\"");
    }
  }
}
