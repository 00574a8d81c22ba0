package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dbosj.DBOS;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.SystemDatabaseUnreachableException;
import io.dbosj.WorkflowHandle;
import io.dbosj.tests.fixtures.Journal;
import io.dbosj.tests.fixtures.OrdersDurable;
import io.dbosj.tests.support.Await;
import io.dbosj.tests.support.OwnPostgresCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (a cluster of this test's own) restarted or stopped under running
 * workflows: nothing is recorded as an outcome for the outage, no step runs twice, handles wait
 * through it, background threads say once that the database is down and once that it is back.
 */
class OutageTest {
  private OwnPostgresCluster pg;
  private Path dir;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void startCluster() throws Exception {
    pg = OwnPostgresCluster.start();
    dir = Files.createTempDirectory("dbosj-outage");
    logs.start();
    ((Logger) LoggerFactory.getLogger("io.dbosj")).addAppender(logs);
  }

  @AfterEach
  void stopCluster() throws Exception {
    ((Logger) LoggerFactory.getLogger("io.dbosj")).detachAppender(logs);
    if (pg != null) {
      pg.close();
    }
  }

  private DBOS.Builder builder(Duration retryLimit) {
    return DBOS.builder()
        .appName("outage")
        .adminServer(false)
        .systemDatabaseUrl(pg.url())
        .configFile(dir.resolve("no-dbos-config.yaml"))
        .databaseRetryLimit(retryLimit);
  }

  @Test
  void aRestartUnderLoadLeavesEveryWorkflowSuccessfulAndRunsNoStepTwice() throws Exception {
    Journal journal = new Journal();
    try (DBOS dbos = builder(Duration.ofSeconds(90)).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      List<WorkflowHandle<String>> handles = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger next = new AtomicInteger();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService starters = Executors.newFixedThreadPool(4);
      List<CompletableFuture<Void>> starting = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        starting.add(CompletableFuture.runAsync(() -> {
          while (!stop.get()) {
            int i = next.getAndIncrement();
            handles.add(orders.start(StartOptions.id("load-" + i)).placeOrder("sku-" + i, i));
          }
        }, starters));
      }
      Await.until("load under way", () -> journal.count("ship") >= 50, () -> journal.count("ship"));

      pg.restartServer();
      int startedAtRestart = next.get();
      Await.until("load after the restart", Duration.ofSeconds(120),
          () -> journal.count("ship") >= startedAtRestart + 50, () -> journal.count("ship"));
      stop.set(true);
      CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
      starters.shutdown();

      for (WorkflowHandle<String> handle : handles) {
        assertThat(handle.getResult()).startsWith("reserved-sku-");
      }
      int started = handles.size();
      assertThat(count("SELECT count(*) FROM dbos.workflow_status WHERE status = 'SUCCESS'")).isEqualTo(started);
      assertThat(count("SELECT count(*) FROM dbos.workflow_status WHERE status <> 'SUCCESS'")).isZero();
      for (int i = 0; i < started; i++) {
        assertThat(journal.count("reserve sku-" + i)).as("reserve of load-%d", i).isEqualTo(1);
        assertThat(journal.count("charge " + i)).as("charge of load-%d", i).isEqualTo(1);
      }
      assertThat(journal.count("ship")).isEqualTo(started);
    }
  }

  @Test
  void aTenSecondStopIsWaitedThroughAndLoggedOnceDownAndOnceBack() throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = builder(Duration.ofSeconds(90)).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.register(Queue.of("outage-queue")); // so a queue runner polls through the outage
      dbos.launch();
      WorkflowHandle<String> handle = orders.start(StartOptions.id("stopped")).gatedOrder("fig");
      journal.awaitBlocked();

      pg.stopServer();
      CompletableFuture<String> result = CompletableFuture.supplyAsync(handle::getResult);
      journal.open();
      long outageEnds = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < outageEnds) { // the outage lasts 10 s; the handle waits throughout
        assertThat(result).isNotDone();
        Thread.sleep(50);
      }
      pg.startServer();

      assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo("reserved-fig/100");
      assertThat(status("stopped")).isEqualTo("SUCCESS");
      assertThat(journal.count("reserve fig")).isEqualTo(1);
      assertThat(journal.count("charge 100")).isEqualTo(1);
      Await.until("the listener is back", () -> logged("the notification connection is back") == 1, () -> logs.list);
      assertThat(logged("is unreachable")).isEqualTo(1);
      assertThat(logged("is reachable again")).isEqualTo(1);
      assertThat(logged("lost the notification connection")).isEqualTo(1);
      assertThat(logged("dequeuing failed")).isZero();
    }
  }

  @Test
  void pastTheLimitTheWorkflowStaysPendingNotErrorAndIsRecoveredOnceTheDatabaseIsBack() throws Exception {
    Journal journal = new Journal().closed();
    try (DBOS dbos = builder(Duration.ofSeconds(2)).build()) {
      OrdersDurable orders = new OrdersDurable(dbos, journal);
      dbos.launch();
      CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
        try {
          return orders.gatedOrder("plum");
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      journal.awaitBlocked();
      String workflowId = value("SELECT workflow_uuid FROM dbos.workflow_status WHERE name = 'gatedOrder'");

      pg.stopServer();
      journal.open();
      Throwable failure = null;
      try {
        call.get(60, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        failure = e.getCause();
      }
      assertThat(failure)
          .isInstanceOf(SystemDatabaseUnreachableException.class)
          .hasMessageContaining("is unreachable")
          .hasMessageContaining("PENDING");
      pg.startServer();

      List<String> seen = Collections.synchronizedList(new ArrayList<>());
      Await.until("workflow recovered after the outage", Duration.ofSeconds(60), () -> {
        String s = status(workflowId);
        seen.add(s);
        return "SUCCESS".equals(s);
      }, () -> seen);
      assertThat(seen).doesNotContain("ERROR");
      assertThat(journal.count("reserve plum")).isEqualTo(1);
      assertThat(journal.count("charge 100")).isEqualTo(1);
    }
  }

  private long logged(String fragment) {
    synchronized (logs) {
      return List.copyOf(logs.list).stream().filter(e -> e.getFormattedMessage().contains(fragment)).count();
    }
  }

  private String status(String workflowId) throws Exception {
    return value("SELECT status FROM dbos.workflow_status WHERE workflow_uuid = '" + workflowId + "'");
  }

  private long count(String sql) throws Exception {
    return Long.parseLong(value(sql));
  }

  private String value(String sql) throws Exception {
    try (Connection c = pg.connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
