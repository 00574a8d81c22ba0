package io.dbosj.tests;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.DbosException;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.BroadcasterDurable;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Streams written by a workflow, read by a client and by a process that runs a DBOS. */
class StreamsTest {
  private static final List<String> TEN = IntStream.range(0, 10).mapToObj(i -> "v" + i).toList();

  @BothDatabases
  void aClosedStreamIsReadInTheOrderWrittenAndStoredAsDbosStoresIt(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      BroadcasterDurable broadcaster = new BroadcasterDurable(dbos, new Journal());
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        broadcaster.start(StartOptions.id("numbers")).broadcast("values", TEN, true).getResult();

        assertThat(read(() -> dbos.readStream("numbers", "values", String.class))).isEqualTo(TEN);
        assertThat(read(() -> client.readStream("numbers", "values", String.class))).isEqualTo(TEN);

        List<List<String>> rows =
            db.rows(
                "SELECT \"offset\", function_id, value, serialization FROM " + db.table("streams")
                    + " WHERE workflow_uuid = 'numbers' AND key = 'values' ORDER BY \"offset\"");
        assertThat(rows).hasSize(11);
        for (int i = 0; i < 10; i++) {
          assertThat(rows.get(i)).containsExactly(String.valueOf(i), String.valueOf(i), "\"v" + i + "\"", "portable_json");
        }
        assertThat(rows.get(10)).containsExactly("10", "10", "\"__DBOS_STREAM_CLOSED__\"", "portable_json");
        List<String> steps = new ArrayList<>(IntStream.range(0, 10).mapToObj(i -> i + ":DBOS.writeStream").toList());
        steps.add("10:DBOS.closeStream");
        assertThat(db.steps("numbers")).isEqualTo(steps);
      }
    }
  }

  @BothDatabases
  void aReaderFromAnOffsetSkipsTheValuesBeforeIt(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      BroadcasterDurable broadcaster = new BroadcasterDurable(dbos, new Journal());
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        broadcaster.start(StartOptions.id("numbers")).broadcast("values", TEN, true).getResult();

        assertThat(read(() -> dbos.readStream("numbers", "values", 7, String.class))).containsExactly("v7", "v8", "v9");
        assertThat(read(() -> client.readStream("numbers", "values", 7, String.class))).containsExactly("v7", "v8", "v9");
        assertThat(read(() -> client.readStream("numbers", "values", 10, String.class)))
            .as("from the close itself")
            .isEmpty();
      }
    }
  }

  @BothDatabases
  void aReaderWaitsForNewValuesAndEndsAtTheCloseWhileTheWorkflowRuns(TestDatabase db) throws Exception {
    ExecutorService readers = Executors.newFixedThreadPool(2);
    try (DBOS dbos = db.builder().build()) {
      BroadcasterDurable broadcaster = new BroadcasterDurable(dbos, new Journal());
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        WorkflowHandle<String> handle = broadcaster.start(StartOptions.id("live")).broadcastOnCue("news", "first", "second");

        List<String> byClient = Collections.synchronizedList(new ArrayList<>());
        List<String> byProcess = Collections.synchronizedList(new ArrayList<>());
        Future<?> clientReader = readers.submit(() -> drain(client.readStream("live", "news", String.class), byClient));
        Future<?> processReader = readers.submit(() -> drain(dbos.readStream("live", "news", String.class), byProcess));
        Await.until("both readers to get the first value", () -> byClient.size() == 1 && byProcess.size() == 1, () -> byClient + " " + byProcess);
        assertThat(clientReader).isNotDone();
        assertThat(processReader).isNotDone();

        dbos.sendMessage("live", "go", "more");
        clientReader.get(30, SECONDS);
        processReader.get(30, SECONDS);

        assertThat(byClient).containsExactly("first", "second");
        assertThat(byProcess).containsExactly("first", "second");
        assertThat(db.status("live")).as("the readers ended at the close, not at the workflow's end").isEqualTo("PENDING");
        dbos.sendMessage("live", "done", "finish");
        assertThat(handle.getResult()).isEqualTo("finished");
      }
    } finally {
      readers.shutdownNow();
    }
  }

  @BothDatabases
  void aReaderEndsWhenTheWorkflowEndsWithoutClosingTheStream(TestDatabase db) throws Exception {
    Journal journal = new Journal().closed();
    ExecutorService readers = Executors.newFixedThreadPool(1);
    try (DBOS dbos = db.builder().build()) {
      BroadcasterDurable broadcaster = new BroadcasterDurable(dbos, journal);
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        WorkflowHandle<String> handle =
            broadcaster.start(StartOptions.id("unclosed")).broadcastWithoutClosing("partial", "first", "second");
        journal.awaitBlocked();

        List<String> received = Collections.synchronizedList(new ArrayList<>());
        Future<?> reader = readers.submit(() -> drain(client.readStream("unclosed", "partial", String.class), received));
        Await.until("the reader to get the first value", () -> received.size() == 1, () -> received);
        assertThat(reader).isNotDone();
        journal.open();

        assertThat(handle.getResult()).isEqualTo("ended");
        reader.get(30, SECONDS);
        assertThat(received).containsExactly("first", "second");
        assertThat(read(() -> dbos.readStream("unclosed", "partial", String.class))).containsExactly("first", "second");
      }
    } finally {
      readers.shutdownNow();
    }
  }

  @BothDatabases
  void aValueThatIsNotTheRequestedTypeIsAnErrorNamingTheWorkflowKeyAndType(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      BroadcasterDurable broadcaster = new BroadcasterDurable(dbos, new Journal());
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        broadcaster.start(StartOptions.id("words")).broadcast("letters", List.of("abc"), true).getResult();

        assertThatThrownBy(() -> read(() -> client.readStream("words", "letters", Integer.class)))
            .isInstanceOf(DbosException.class)
            .hasMessageContaining("words")
            .hasMessageContaining("letters")
            .hasMessageContaining("Integer");
        assertThatThrownBy(() -> read(() -> dbos.readStream("words", "letters", Integer.class)))
            .isInstanceOf(DbosException.class)
            .hasMessageContaining("words")
            .hasMessageContaining("letters")
            .hasMessageContaining("Integer");
      }
    }
  }

  /** Reads a stream to its end, closing it. */
  static <T> List<T> read(Supplier<Stream<T>> opener) {
    try (Stream<T> stream = opener.get()) {
      return stream.toList();
    }
  }

  /** Adds each value as it comes, so the test sees a reader's progress before the stream ends. */
  static <T> void drain(Stream<T> stream, List<T> into) {
    try (stream) {
      stream.forEach(into::add);
    }
  }
}
