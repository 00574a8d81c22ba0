package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.StartOptions;
import io.dbosj.UnserializableValueException;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.Unserializable;
import io.dbosj.tests.fixtures.UnserializableDurable;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;

class SerializationTest {

  @BothDatabases
  void anArgumentJacksonCannotWriteFailsTheCallBeforeAnythingIsRecorded(TestDatabase db)
      throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = db.builder().build()) {
      UnserializableDurable durable = new UnserializableDurable(dbos, journal);
      dbos.launch();

      assertThatThrownBy(() -> durable.takes("label", new Unserializable.Opaque()))
          .isInstanceOf(UnserializableValueException.class)
          .hasMessageContaining("argument 'handle'")
          .hasMessageContaining(Unserializable.Opaque.class.getName())
          .hasMessageContaining("Unserializable.takes");
      assertThatThrownBy(() -> durable.start(StartOptions.id("bad-arg")).takes("l", new Unserializable.Opaque()))
          .isInstanceOf(UnserializableValueException.class);
      assertThat(journal.entries()).isEmpty();
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("workflow_status"))).isEqualTo("0");
    }
  }

  @BothDatabases
  void aResultJacksonCannotWriteFailsTheWorkflowNamingTheType(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      UnserializableDurable durable = new UnserializableDurable(dbos, new Journal());
      dbos.launch();

      assertThatThrownBy(() -> durable.start(StartOptions.id("bad-result")).returns().getResult())
          .isInstanceOf(UnserializableValueException.class)
          .hasMessageContaining("Unserializable.returns")
          .hasMessageContaining(Unserializable.Opaque.class.getName());
      assertThat(db.status("bad-result")).isEqualTo("ERROR");
    }
  }
}
