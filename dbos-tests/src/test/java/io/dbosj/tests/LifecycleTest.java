package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DbosException;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.fixtures.TickerDurable;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

class LifecycleTest {

  /** The threads of ours that are alive: the runtime's own, its pools', the admin server's. */
  private static Set<String> liveThreadsOfOurs() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("dbos") || name.startsWith("HTTP-Dispatcher"))
        .collect(Collectors.toSet());
  }

  @BothDatabases
  void closeLeavesNoThreadOfOursBehind(TestDatabase db) throws Exception {
    awaitNoThreadOfOurs(); // none left by earlier tests
    for (int i = 0; i < 3; i++) {
      try (DBOS dbos = db.builder().appName("lifecycle-" + i).adminServer(true).adminPort(0).build()) {
        Queue queue = Queue.of("work");
        dbos.register(queue);
        OrdersDurable orders = new OrdersDurable(dbos, new Journal());
        new TickerDurable(dbos, new Journal());
        dbos.launch();
        orders.start(StartOptions.id("run-" + i)).placeOrder("plum", i).getResult();
        orders.enqueue(queue).placeOrder("pear", i).getResult();
        assertThat(healthOfAdminServerAt(dbos.adminPort())).isEqualTo(200);
        assertThat(liveThreadsOfOurs()).contains("dbos-queue-runner", "dbos-scheduler", "dbos-admin");
      }
    }
    awaitNoThreadOfOurs();
  }

  /**
   * Waits, with a deadline, until no thread of ours is alive. A pool's executor counts as
   * terminated just before its last thread has finished exiting, so the check polls briefly.
   */
  private static void awaitNoThreadOfOurs() throws Exception {
    Await.until("no thread of ours is alive", Duration.ofSeconds(5), () -> liveThreadsOfOurs().isEmpty(),
        LifecycleTest::liveThreadsOfOurs);
  }

  /** Asks the admin server for its health, so that it starts a handler thread; the HTTP status. */
  private static int healthOfAdminServerAt(int port) throws IOException {
    HttpURLConnection connection =
        (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/dbos-healthz").toURL().openConnection();
    try {
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }

  @BothDatabases
  void closeFreesTheAdminServersPort(TestDatabase db) throws Exception {
    int port;
    try (DBOS dbos = db.builder().adminServer(true).adminPort(0).build()) {
      dbos.launch();
      port = dbos.adminPort();
      assertThat(port).isPositive();
    }
    try (ServerSocket again = new ServerSocket(port)) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    } catch (IOException e) {
      throw new AssertionError("port " + port + " is still taken after close()", e);
    }
  }

  @BothDatabases
  void aLaunchThatFailsPartWayReleasesWhatItOpened(TestDatabase db) throws Exception {
    try (DBOS dbos =
        db.builder().databaseUrl("postgresql://app:secret@127.0.0.1:1/unreachable").adminServer(true).adminPort(0).build()) {
      new OrdersDurable(dbos, new Journal());
      // the system database is reached and migrated first; the application database fails after
      assertThatThrownBy(dbos::launch).isInstanceOf(DbosException.class).hasMessageContaining("127.0.0.1:1");
      awaitNoThreadOfOurs();
      assertThat(db.value("SELECT COUNT(*) FROM " + db.table("dbos_migrations"))).isEqualTo("1");
    }
    awaitNoThreadOfOurs();
  }

  @BothDatabases
  void aClosedDbosRefusesToLaunchAgainAndToRunWorkflows(TestDatabase db) throws Exception {
    DBOS dbos = db.builder().build();
    OrdersDurable orders = new OrdersDurable(dbos, new Journal());
    dbos.launch();
    dbos.close();
    dbos.close(); // a second close does nothing
    assertThatThrownBy(dbos::launch).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> orders.placeOrder("fig", 1)).isInstanceOf(DbosException.class);
    assertThatThrownBy(() -> dbos.listWorkflows(io.dbosj.WorkflowFilter.all()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
