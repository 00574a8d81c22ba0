package io.dbosj.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.internal.config.DatabaseUrl;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The holder changes of {@code dbosj_executors}: each is one conditional statement that one racer wins. */
class ExecutorStoreTest {
  private static final RunnableScope V1 = RunnableScope.ofVersion("v1");
  private static final String POSTGRES_URL =
      System.getenv().getOrDefault("DBOSJ_TEST_POSTGRES_URL", "postgresql://dbosj:dbosj@localhost:5432/dbosj_test");

  /** Why PostgreSQL cannot be used, or null; said once on the console (CI=true fails instead). */
  private static final String POSTGRES_UNREACHABLE = probePostgres();

  private static String probePostgres() {
    DatabaseUrl url = DatabaseUrl.parse(POSTGRES_URL);
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
      return c.isValid(10) ? null : "the connection did not answer";
    } catch (SQLException e) {
      String shown = DatabaseUrl.mask(POSTGRES_URL);
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true but PostgreSQL is not reachable at " + shown + ": " + e.getMessage(), e);
      }
      // Surefire sends System.err to report files; the process's own stderr reaches the console.
      @SuppressWarnings("resource")
      PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
      console.println("\n!! PostgreSQL not reachable at " + shown
          + ": the PostgreSQL half of ExecutorStoreTest is SKIPPED (set DBOSJ_TEST_POSTGRES_URL)\n");
      return e.getMessage();
    }
  }

  @TempDir Path dir;

  private SystemDatabase open(String kind) throws Exception {
    if (kind.equals("sqlite")) {
      SystemDatabase db = SystemDatabase.open(DatabaseUrl.parse("sqlite:///" + dir.resolve("s.sqlite")), "test");
      SchemaMigrations.migrate(db);
      return db;
    }
    Assumptions.assumeTrue(POSTGRES_UNREACHABLE == null, "PostgreSQL not reachable: " + POSTGRES_UNREACHABLE);
    SystemDatabase db = SystemDatabase.open(DatabaseUrl.parse(POSTGRES_URL), "test");
    db.withConnection(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS dbos CASCADE");
          }
          return null;
        });
    SchemaMigrations.migrate(db);
    return db;
  }

  private static ExecutorStore.Holder holder(String id, String instance) {
    return new ExecutorStore.Holder(id, instance, "host-a", 42, "v1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void aLiveHolderKeepsItsIdAndAStoppedOrLapsedOneLosesIt(String kind) throws Exception {
    try (SystemDatabase db = open(kind)) {
      ExecutorStore store = new ExecutorStore(db);
      assertThat(store.insert(holder("x", "first"), 1_000)).isTrue();
      assertThat(store.insert(holder("x", "second"), 1_000)).isFalse();
      assertThat(store.replace(holder("x", "second"), 2_000, 500, null)).as("heartbeat fresh").isFalse();
      assertThat(store.replace(holder("x", "second"), 2_000, 500, "first")).as("known dead").isTrue();
      assertThat(store.heartbeat("x", "first", 2_500)).as("the old holder's beat").isFalse();
      assertThat(store.stop("x", "second", 3_000)).isTrue();
      assertThat(store.replace(holder("x", "third"), 3_100, 0, null)).as("stopped").isTrue();
      assertThat(store.find("x").orElseThrow().instanceId()).isEqualTo("third");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void ofManyConcurrentClaimsOfALapsedExecutorExactlyOneGetsItsWorkflows(String kind) throws Exception {
    try (SystemDatabase db = open(kind)) {
      ExecutorStore store = new ExecutorStore(db);
      store.insert(holder("dead", "i"), 1_000);
      for (int i = 0; i < 5; i++) {
        pendingOfDead(db, "w" + i, null, null);
      }
      assertThat(store.lapsed("claimer-0", 2_000, V1)).containsExactly("dead");

      int claimers = 4;
      ExecutorService pool = Executors.newFixedThreadPool(claimers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < claimers; i++) {
        String me = "claimer-" + i;
        Callable<List<String>> claim = () -> {
          go.await();
          return store.claim("dead", me, 5_000, 2_000, V1);
        };
        results.add(pool.submit(claim));
      }
      go.countDown();
      int winners = 0;
      for (Future<List<String>> result : results) {
        List<String> claimed = result.get();
        if (!claimed.isEmpty()) {
          winners++;
          assertThat(claimed).containsExactlyInAnyOrder("w0", "w1", "w2", "w3", "w4");
        }
      }
      pool.shutdown();
      assertThat(winners).isEqualTo(1);
      ExecutorRow row = store.find("dead").orElseThrow();
      assertThat(row.state(6_000, 1_000)).startsWith("taken over by claimer-");
      assertThat(store.lapsed("someone", 9_000, V1)).as("nothing left to take").isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void aClaimTakesOnlyTheWorkTheClaimersCodeCanRunAndLeavesTheRestToOneThatCan(String kind) throws Exception {
    try (SystemDatabase db = open(kind)) {
      ExecutorStore store = new ExecutorStore(db);
      store.insert(holder("dead", "i"), 1_000);
      pendingOfDead(db, "old-code", "v1", "aaaa");
      pendingOfDead(db, "same-code", "v1", "bbbb");
      pendingOfDead(db, "this-version", "v2", "cccc");
      RunnableScope v2 = RunnableScope.of("v2", List.of("bbbb", "cccc"));
      RunnableScope v3 = RunnableScope.of("v3", List.of("dddd"));
      assertThat(store.lapsed("v3-process", 2_000, v3)).as("nothing it can run").isEmpty();
      assertThat(store.lapsed("v2-process", 2_000, v2)).containsExactly("dead");

      assertThat(store.claim("dead", "v2-process", 5_000, 2_000, v2)).containsExactlyInAnyOrder("same-code", "this-version");

      assertThat(store.find("dead").orElseThrow().takenOverBy()).as("released for the rest").isNull();
      assertThat(store.lapsed("v2-process", 6_000, v2)).as("nothing more for v2").isEmpty();
      assertThat(store.lapsed("v1-process", 6_000, RunnableScope.ofVersion("v1"))).containsExactly("dead");
      assertThat(store.claim("dead", "v1-process", 7_000, 6_000, RunnableScope.ofVersion("v1"))).containsExactly("old-code");
      assertThat(store.find("dead").orElseThrow().takenOverBy()).isEqualTo("v1-process");
    }
  }

  /** A PENDING workflow of executor {@code dead}, recorded with this version and fingerprint (either may be null). */
  private static void pendingOfDead(SystemDatabase db, String workflowId, String version, String fingerprint) {
    String table = db.isPostgres() ? "dbos.workflow_status" : "workflow_status";
    db.withConnection(
        c -> {
          try (java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO " + table
              + " (workflow_uuid, status, name, executor_id, created_at, updated_at, application_version, attributes)"
              + " VALUES (?, 'PENDING', 'n', 'dead', 1, 1, ?, " + (db.isPostgres() ? "cast(? as jsonb)" : "?") + ")")) {
            s.setString(1, workflowId);
            s.setString(2, version);
            s.setString(3, RunnableScope.attributes(fingerprint));
            s.executeUpdate();
          }
          return null;
        });
  }
}
