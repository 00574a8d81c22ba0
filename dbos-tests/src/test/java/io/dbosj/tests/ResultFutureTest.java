package io.dbosj.tests;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.DbosException;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowCancelledException;
import io.dbosj.WorkflowFailedException;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.Racers;
import io.dbosj.tests.fixtures.RacersDurable;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** {@code WorkflowHandle.resultFuture()}: a workflow's result to come, with no thread waiting per handle. */
class ResultFutureTest {

  @BothDatabases
  void theFutureCompletesWithTheResultOnceTheWorkflowFinishes(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      RacersDurable racers = new RacersDurable(dbos);
      dbos.launch();
      CompletableFuture<String> result = racers.start(StartOptions.id("slow")).race("slow").resultFuture();
      assertThat(result).isNotDone();
      racers.open("slow");
      assertThat(result.get(30, SECONDS)).isEqualTo("slow");
      assertThat(dbos.<String>retrieveWorkflow("slow").resultFuture().get(30, SECONDS)).isEqualTo("slow");
    }
  }

  @BothDatabases
  void aFailedWorkflowsFutureFailsWithTheExceptionGetResultThrows(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      RacersDurable racers = new RacersDurable(dbos);
      dbos.launch();
      WorkflowHandle<String> unchecked = racers.start(StartOptions.id("unchecked")).failUnchecked("u");
      WorkflowHandle<String> checked = racers.start(StartOptions.id("checked")).failChecked("c");
      CompletableFuture<String> uncheckedResult = unchecked.resultFuture();
      CompletableFuture<String> checkedResult = checked.resultFuture();
      racers.open("u");
      racers.open("c");

      assertThat(failure(uncheckedResult)).isInstanceOf(IllegalStateException.class).hasMessage("unchecked u");
      assertThat(failure(checkedResult))
          .isInstanceOf(WorkflowFailedException.class)
          .hasCauseInstanceOf(IOException.class);
      assertThat(catchThrowable(unchecked::getResult)).isInstanceOf(IllegalStateException.class);
      assertThat(catchThrowable(checked::getResult)).isInstanceOf(WorkflowFailedException.class);
      // read back from the rows, as by a handle retrieved later
      WorkflowHandle<String> retrieved = dbos.retrieveWorkflow("unchecked");
      assertThat(failure(retrieved.resultFuture()).getClass()).isEqualTo(catchThrowable(retrieved::getResult).getClass());
      try (DBOSClient client = DBOSClient.connect(db.url())) {
        WorkflowHandle<Object> fromClient = client.retrieveWorkflow("unchecked");
        assertThat(failure(fromClient.resultFuture()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("unchecked u");
      }
    }
  }

  @BothDatabases
  void aFutureCompletesForAWorkflowAnotherProcessStartedAndRuns(TestDatabase db) throws Exception {
    Queue queue = Queue.of("racing");
    try (DBOS dbos = db.builder().build()) {
      RacersDurable racers = new RacersDurable(dbos);
      dbos.register(queue);
      dbos.launch();
      DBOSClient client = DBOSClient.connect(db.url());
      WorkflowHandle<Object> enqueued =
          client.enqueue("racing", Racers.class.getName(), "race", StartOptions.id("from-client"), "from-client");
      CompletableFuture<Object> seenByClient = enqueued.resultFuture();
      CompletableFuture<String> seenHere = dbos.<String>retrieveWorkflow("from-client").resultFuture();
      Await.until("the queue runner to start it", () -> "PENDING".equals(db.status("from-client")), () -> db.status("from-client"));
      assertThat(seenByClient).isNotDone();
      racers.open("from-client");
      assertThat(seenByClient.get(30, SECONDS)).isEqualTo("from-client");
      assertThat(seenHere.get(30, SECONDS)).isEqualTo("from-client");
      client.close();
    }
  }

  @BothDatabases
  void hundredsOfFuturesShareTheOnePollerThreadOfTheirClient(TestDatabase db) throws Exception {
    int count = 300;
    try (DBOS dbos = db.builder().build()) {
      dbos.launch(); // creates the database; no process serves the queue below
    }
    try (DBOSClient client = DBOSClient.connect(db.url())) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ids.add(client.enqueue("unserved", "no.such.Class", "never", StartOptions.id("idle-" + i)).workflowId());
      }
      int pollersBefore = pollerThreads();
      Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
      List<CompletableFuture<Object>> futures = new ArrayList<>();
      for (String id : ids) {
        futures.add(client.retrieveWorkflow(id).resultFuture());
      }
      assertThat(pollerThreads() - pollersBefore).as("poller threads started for %d futures", count).isEqualTo(1);
      Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
      started.removeAll(threadsBefore);
      // the poller, and at most a few of the JVM's or the pool's own: not one per future
      assertThat(started).as("threads started for %d futures", count).hasSizeLessThan(5);
      assertThat(futures).noneMatch(CompletableFuture::isDone);

      ids.forEach(client::cancelWorkflow);
      for (CompletableFuture<Object> future : futures) {
        assertThat(failure(future)).isInstanceOf(WorkflowCancelledException.class);
      }
    }
  }

  @BothDatabases
  void closingTheDbosFailsTheFuturesStillWaitingOnIt(TestDatabase db) throws Exception {
    CompletableFuture<String> pending;
    try (DBOS dbos = db.builder().build()) {
      RacersDurable racers = new RacersDurable(dbos);
      dbos.launch();
      pending = racers.start(StartOptions.id("never")).race("never").resultFuture();
      assertThat(pending).isNotDone();
    }
    assertThat(failure(pending)).isInstanceOf(DbosException.class).hasMessageContaining("DBOS was closed");
    assertThat(db.status("never")).isEqualTo("PENDING");
  }

  @BothDatabases
  void closingTheClientFailsTheFuturesStillWaitingOnIt(TestDatabase db) throws Exception {
    try (DBOS dbos = db.builder().build()) {
      dbos.launch();
    }
    CompletableFuture<Object> pending;
    try (DBOSClient client = DBOSClient.connect(db.url())) {
      client.enqueue("unserved", "no.such.Class", "never", StartOptions.id("waiting"));
      pending = client.retrieveWorkflow("waiting").resultFuture();
      assertThat(pending).isNotDone();
    }
    assertThat(failure(pending)).isInstanceOf(DbosException.class).hasMessageContaining("DBOSClient was closed");
    DBOSClient closed = DBOSClient.connect(db.url());
    WorkflowHandle<Object> handle = closed.retrieveWorkflow("waiting");
    closed.close();
    assertThatThrownBy(() -> handle.resultFuture().get(30, SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(DbosException.class);
  }

  /** What {@code future} failed with, waiting up to 30 s for it. */
  static Throwable failure(CompletableFuture<?> future) throws Exception {
    try {
      Object value = future.get(30, SECONDS);
      throw new AssertionError("expected the future to fail, but it completed with " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  private static int pollerThreads() {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("dbos-outcome-poller"))
        .count();
  }
}
