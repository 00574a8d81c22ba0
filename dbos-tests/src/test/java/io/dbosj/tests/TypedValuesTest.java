package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.AnnouncerDurable;
import io.dbosj.tests.fixtures.InboxDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Orders;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Messages and events with structure: stored as DBOS's portable JSON, read back as the type asked for. */
class TypedValuesTest {

  @BothDatabases
  void aRecordSentByAClientIsStoredAsPortableJsonAndReceivedAsTheRecord(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      InboxDurable inbox = new InboxDurable(dbos, new Journal());
      dbos.launch();
      WorkflowHandle<String> handle = inbox.start(StartOptions.id("packer")).receiveLine("lines");
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        client.send("packer", new Orders.Line("kiwi", 3), "lines");
      }

      assertThat(handle.getResult()).isEqualTo("3 x kiwi");
      assertThat(db.rows("SELECT message, serialization FROM " + db.table("notifications") + " WHERE destination_uuid = 'packer'"))
          .containsExactly(List.of("{\"sku\":\"kiwi\",\"quantity\":3}", "portable_json"));
    }
  }

  @BothDatabases
  void aRecordEventIsReadAsTheRecordOrAsPlainJsonValues(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      AnnouncerDurable announcer = new AnnouncerDurable(dbos, new Journal());
      dbos.launch();
      announcer.start(StartOptions.id("cart")).announceLine("last", "fig", 2).getResult();

      try (DBOSClient client = DBOSClient.connect(db.url())) {
        assertThat(client.getEvent("cart", "last", Duration.ofSeconds(1), Orders.Line.class))
            .contains(new Orders.Line("fig", 2));
        assertThat(client.getEvent("cart", "last", Duration.ofSeconds(1), Object.class))
            .contains(Map.of("sku", "fig", "quantity", 2));
      }
      assertThat(dbos.getWorkflowEvent("cart", "last", Duration.ofSeconds(1), Orders.Line.class))
          .contains(new Orders.Line("fig", 2));
    }
  }
}
