package io.dbosj.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.StartWorkflowOptions;
import dev.dbos.transact.config.DBOSConfig;
import dev.dbos.transact.workflow.WorkflowHandle;
import io.dbosj.DBOSClient;
import io.dbosj.conformance.support.ConformanceDatabase;
import io.dbosj.conformance.support.ConformanceTools;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * io.dbosj's {@code DBOSClient} talks to the workflows of a DBOS Transact Java 1.1.0-m6 app
 * running in this JVM ({@link JavaTalkerImpl}): its {@code send} reaches DBOS Java's {@code recv},
 * and its {@code getEvent} and {@code readStream} read DBOS Java's {@code setEvent} and {@code
 * writeStream}, in the portable format and in DBOS Java's own {@code java_jackson}.
 */
@ExtendWith(ConformanceTools.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OurClientTalksToDbosJavaTest {
  private static final long WAIT_SECONDS = 60;

  private ConformanceDatabase db;
  private DBOS dbos;
  private JavaTalker talker;
  private DBOSClient client;

  @BeforeAll
  void launchDbosJava(ConformanceDatabase db) {
    this.db = db;
    DBOSConfig config = DBOSConfig.defaults("java-talker")
        .withDatabaseUrl(db.jdbcUrl())
        .withDbUser(db.user())
        .withDbPassword(db.password());
    dbos = new DBOS(config);
    talker = dbos.registerProxy(JavaTalker.class, new JavaTalkerImpl(dbos));
    dbos.launch();
    client = DBOSClient.connect(db.url());
  }

  @AfterAll
  void shutDown() {
    if (client != null) {
      client.close();
    }
    if (dbos != null) {
      dbos.close();
    }
  }

  @Test
  void ourSendsReachDbosJavasWorkflowWaitingInRecv() throws Exception {
    WorkflowHandle<String, RuntimeException> inbox =
        dbos.startWorkflow(() -> talker.inbox(), new StartWorkflowOptions("java-inbox"));
    db.awaitOperations("java-inbox", "DBOS.sleep", 1);

    client.send("java-inbox", "first", null);
    client.send("java-inbox", "second", null, "our-key");
    client.send("java-inbox", "second, sent again", null, "our-key");
    client.send("java-inbox", new Receipt("fig", 2), "orders");

    String result = inbox.getResult();
    // two sends in one millisecond have no order in DBOS's created_at_epoch_ms
    assertThat(result).isIn("first,second | {sku=fig, quantity=2}", "second,first | {sku=fig, quantity=2}");
    assertThat(db.value("SELECT message_uuid FROM dbos.notifications WHERE message_uuid LIKE 'our-key%'"))
        .isEqualTo("our-key::java-inbox");
  }

  @Test
  void ourGetEventReadsDbosJavasEventsAndWaitsForOneSetLater() throws Exception {
    WorkflowHandle<String, RuntimeException> publisher =
        dbos.startWorkflow(() -> talker.publisher(), new StartWorkflowOptions("java-events"));
    db.awaitOperations("java-events", "DBOS.sleep", 1);

    assertThat(client.getEvent("java-events", "status", Duration.ofSeconds(10), String.class)).contains("ready");
    assertThat(client.getEvent("java-events", "receipt", Duration.ofSeconds(10), Receipt.class))
        .contains(new Receipt("kiwi", 3));
    assertThat(client.getEvent("java-events", "native", Duration.ofSeconds(10), String.class)).contains("in java_jackson");
    assertThat(client.getEvent("java-events", "late", Duration.ofMillis(200), String.class)).isEmpty();
    CompletableFuture<Optional<String>> late = CompletableFuture.supplyAsync(
        () -> client.getEvent("java-events", "late", Duration.ofSeconds(WAIT_SECONDS), String.class));

    client.send("java-events", "go now", "go");

    assertThat(late.get(WAIT_SECONDS, TimeUnit.SECONDS)).contains("set after go");
    assertThat(publisher.getResult()).isEqualTo("go now");
  }

  @Test
  void ourReadStreamReadsDbosJavasStreamToItsCloseAndAnUnclosedOneToTheWorkflowsEnd() throws Exception {
    WorkflowHandle<String, RuntimeException> publisher =
        dbos.startWorkflow(() -> talker.publisher(), new StartWorkflowOptions("java-stream"));
    db.awaitOperations("java-stream", "DBOS.sleep", 1);
    CompletableFuture<List<String>> progress = CompletableFuture.supplyAsync(() -> readAll("java-stream", "progress", 0));

    client.send("java-stream", "go now", "go");

    assertThat(progress.get(WAIT_SECONDS, TimeUnit.SECONDS)).containsExactly("one", "two", "three");
    assertThat(readAll("java-stream", "progress", 1)).containsExactly("two", "three");
    assertThat(readAll("java-stream", "log", 0)).containsExactly("x");
    assertThat(publisher.getResult()).isEqualTo("go now");
  }

  private List<String> readAll(String workflowId, String key, int fromOffset) {
    try (Stream<String> values = client.readStream(workflowId, key, fromOffset, String.class)) {
      return values.toList();
    }
  }
}
