package io.dbosj.tests;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.DBOSClient;
import io.dbosj.tests.crash.StreamCrashApp;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.ChildJvm;
import io.dbosj.tests.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A workflow writing a stream is killed with SIGKILL mid-stream in a child JVM; a reader in this
 * JVM waits through the outage and, once a second JVM has recovered the workflow, reads the rest:
 * every value once, in order, up to the close.
 */
class StreamsCrashTest {

  @BothDatabases
  void aReaderAcrossTheWritersCrashGetsEveryValueOnceAndEndsAtTheClose(TestDatabase db) throws Exception {
    Path hold = Files.createFile(db.directory().resolve("hold"));
    ExecutorService readers = Executors.newFixedThreadPool(1);
    Process first = ChildJvm.launch(db, StreamCrashApp.class, db.url(), "counter", hold.toString(), "start");
    CrashRecoveryTest.awaitCount(db, first, streamCount(db), 1);
    try (DBOSClient client = DBOSClient.connect(db.url())) {

      List<Integer> received = Collections.synchronizedList(new ArrayList<>());
      Future<?> reader = readers.submit(() -> StreamsTest.drain(client.readStream("counter", "progress", Integer.class), received));
      CrashRecoveryTest.awaitCount(db, first, streamCount(db), 3);
      Await.until("the reader to get 0, 1 and 2", () -> received.size() == 3, () -> received);
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(db.status("counter")).isEqualTo("PENDING");
      assertThat(reader).as("the reader waits while the writer is down").isNotDone();

      Files.delete(hold);
      String output = MessagesCrashTest.finish(
          ChildJvm.launch(db, StreamCrashApp.class, db.url(), "counter", hold.toString(), "recover"));
      reader.get(30, SECONDS);

      assertThat(output).contains("RESULT: wrote 6");
      assertThat(received).containsExactly(0, 1, 2, 3, 4, 5);
      assertThat(db.rows(
              "SELECT \"offset\", value FROM " + db.table("streams")
                  + " WHERE workflow_uuid = 'counter' AND key = 'progress' ORDER BY \"offset\""))
          .containsExactly(
              List.of("0", "0"), List.of("1", "1"), List.of("2", "2"), List.of("3", "3"), List.of("4", "4"),
              List.of("5", "5"), List.of("6", "\"__DBOS_STREAM_CLOSED__\""));
      assertThat(db.steps("counter"))
          .containsExactly(
              "0:DBOS.writeStream", "1:DBOS.writeStream", "2:DBOS.writeStream", "3:pause", "4:DBOS.writeStream",
              "5:DBOS.writeStream", "6:DBOS.writeStream", "7:DBOS.closeStream");
    } finally {
      first.destroyForcibly();
      readers.shutdownNow();
    }
  }

  private static String streamCount(TestDatabase db) {
    return "SELECT COUNT(*) FROM " + db.table("streams") + " WHERE workflow_uuid = 'counter'";
  }
}
