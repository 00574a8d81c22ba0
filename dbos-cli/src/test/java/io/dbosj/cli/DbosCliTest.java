package io.dbosj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DBOS;
import io.dbosj.DBOSClient;
import io.dbosj.Queue;
import io.dbosj.StartOptions;
import io.dbosj.WorkflowHandle;
import io.dbosj.WorkflowState;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dbos command run as a person runs it, in its own process, against a database a real app
 * seeded: on SQLite and on PostgreSQL.
 */
class DbosCliTest {
  private static final String POSTGRES_URL =
      System.getenv().getOrDefault("DBOSJ_TEST_POSTGRES_URL", "postgresql://dbosj:dbosj@localhost:5432/dbosj_test");

  /** Why PostgreSQL cannot be used, or null; said once on the console (CI=true fails instead). */
  private static final String POSTGRES_UNREACHABLE = probePostgres();

  private static Connection postgres() throws SQLException {
    URI uri = URI.create(POSTGRES_URL);
    String[] user = uri.getUserInfo().split(":", 2);
    return DriverManager.getConnection(
        "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath(),
        user[0],
        user.length > 1 ? user[1] : "");
  }

  private static String probePostgres() {
    try (Connection c = postgres()) {
      return c.isValid(10) ? null : "the connection did not answer";
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true but PostgreSQL is not reachable at "
            + POSTGRES_URL.replaceFirst(":[^:@/]*@", ":***@") + ": " + e.getMessage(), e);
      }
      // Surefire sends System.err to report files; the process's own stderr reaches the console.
      @SuppressWarnings("resource")
      PrintStream console = new PrintStream(
          new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
      console.println("\n!! PostgreSQL not reachable at " + POSTGRES_URL.replaceFirst(":[^:@/]*@", ":***@")
          + ": the PostgreSQL half of DbosCliTest is SKIPPED (set DBOSJ_TEST_POSTGRES_URL)\n");
      return e.getMessage();
    }
  }

  @TempDir Path dir;

  private record Result(int exit, String out) {}

  /**
   * Runs {@code dbos args}: in this JVM when the database is given with {@code -D} (the command
   * then reads neither the working directory nor the environment), else in a JVM of its own,
   * in the test's directory. A command that reads standard input needs {@link #dbosProcess}.
   */
  private Result dbos(String... args) throws Exception {
    if (List.of(args).contains("-D")) {
      CliRun.Result run = CliRun.inProcess(args);
      return new Result(run.exit(), run.out());
    }
    return dbosProcess(args);
  }

  private Result dbosProcess(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // sqlite-jdbc loads its native library; JDK 24+ warns on stderr unless native access is enabled
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DbosCli.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    // the database comes from -D or the test's own files, never from the environment running the build
    builder.environment().remove("DBOS_SYSTEM_DATABASE_URL");
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out);
  }

  private String url(String database) throws Exception {
    if (database.equals("sqlite")) {
      return "sqlite:///" + dir.resolve("shop.sqlite");
    }
    Assumptions.assumeTrue(POSTGRES_UNREACHABLE == null, "PostgreSQL not reachable: " + POSTGRES_UNREACHABLE);
    try (Connection c = postgres(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS dbos CASCADE");
    }
    return POSTGRES_URL;
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void everyWorkflowCommandWorksAgainstARealAppsRecords(String database) throws Exception {
    String url = url(database);
    CountDownLatch gate = new CountDownLatch(1);
    try (DBOS dbos = DBOS.builder().appName("shop").systemDatabaseUrl(url).adminServer(false).configFile(dir.resolve("none.yaml")).build()) {
      dbos.register(Queue.of("orders").concurrency(1));
      ShopDurable shop = new ShopDurable(dbos, gate);
      dbos.launch();
      shop.start(StartOptions.id("done")).order("apple").getResult();
      shop.start(StartOptions.id("slow")).slowOrder("pear");
      shop.start(StartOptions.defaults().workflowId("queued-1").queue(Queue.of("orders").concurrency(1))).slowOrder("kiwi");

      Result list = dbos("workflow", "list", "-D", url);
      assertThat(list.exit()).as(list.out()).isZero();
      assertThat(list.out()).contains("WORKFLOW ID").contains("done").contains("SUCCESS").contains("slow");

      Result json = dbos("workflow", "list", "-D", url, "--status", "SUCCESS", "--json");
      assertThat(json.out()).contains("\"workflowId\" : \"done\"").doesNotContain("\"slow\"");

      assertThat(dbos("workflow", "get", "done", "-D", url).out()).contains("Status:           SUCCESS");
      assertThat(dbos("workflow", "steps", "done", "-D", url).out()).contains("reserve").contains("\"reserved-apple\"");
      assertThat(dbos("queue", "list", "orders", "-D", url).out()).contains("queued-1");

      Result cancel = dbos("workflow", "cancel", "slow", "-D", url);
      assertThat(cancel.out()).contains("Cancelled slow");
      gate.countDown();
      assertThat(dbos("workflow", "get", "slow", "-D", url).out()).contains("CANCELLED");
      assertThat(dbos("workflow", "resume", "slow", "-D", url).out()).contains("Resumed slow");
      assertThat(dbos.<String>retrieveWorkflow("slow").getResult()).isEqualTo("reserved-pear");

      Result fork = dbos("workflow", "fork", "done", "--step", "0", "--new-id", "done-again", "-D", url);
      assertThat(fork.out().trim()).isEqualTo("done-again");
      assertThat(dbos.<String>retrieveWorkflow("done-again").getResult()).isEqualTo("reserved-apple");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void listSaysWhichWorkflowsNoProcessCanRunAndForkWithAVersionMovesOne(String database) throws Exception {
    String url = url(database);
    try (DBOS dbos = DBOS.builder().appName("shop").systemDatabaseUrl(url).appVersion("v1").adminServer(false)
        .configFile(dir.resolve("none.yaml")).build()) {
      ShopDurable shop = new ShopDurable(dbos, new CountDownLatch(1));
      dbos.launch();
      shop.start(StartOptions.id("stranded")).slowOrder("pear");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (dbos.listWorkflowSteps("stranded").isEmpty()) { // its reserve step recorded: it waits at the gate
        assertThat(System.nanoTime()).as("stranded records its first step in time").isLessThan(deadline);
        Thread.sleep(10);
      }
    }
    String table = database.equals("sqlite") ? "workflow_status" : "dbos.workflow_status";
    String oldCode = "{\"dbosj.fingerprint\":\"00112233445566778899aabbccddeeff\"}";
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      // as if v1's code of slowOrder had another signature than this build's
      s.executeUpdate("UPDATE " + table + " SET attributes = '" + oldCode + "'" + (database.equals("sqlite") ? "" : "::jsonb")
          + " WHERE workflow_uuid = 'stranded'");
    }
    try (DBOS dbos = DBOS.builder().appName("shop").systemDatabaseUrl(url).appVersion("v2").adminServer(false)
        .configFile(dir.resolve("none.yaml")).build()) {
      new ShopDurable(dbos, new CountDownLatch(0));
      dbos.launch();

      Result list = dbos("workflow", "list", "-D", url);
      assertThat(list.exit()).as(list.out()).isZero();
      assertThat(list.out()).contains("waiting: stranded: recorded by application version v1 with workflow fingerprint"
          + " 00112233445566778899aabbccddeeff; no process runs that code (live: ");

      Result fork = dbos("workflow", "fork", "stranded", "--step", "1", "--new-id", "moved", "--application-version", "v2", "-D", url);
      assertThat(fork.out().trim()).as(fork.out()).isEqualTo("moved");
      assertThat(dbos.<String>retrieveWorkflow("moved").getResult()).isEqualTo("reserved-pear");
      assertThat(dbos("workflow", "list", "-D", url).out()).contains("waiting: stranded").doesNotContain("waiting: moved");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void workflowCancelTakesListsFiltersAndCancelsTheUnfinishedOnesTheySelect(String database) throws Exception {
    String url = url(database);
    try (DBOS dbos = DBOS.builder().appName("shop").systemDatabaseUrl(url).adminServer(false).configFile(dir.resolve("none.yaml")).build()) {
      ShopDurable shop = new ShopDurable(dbos, new CountDownLatch(0));
      dbos.launch();
      shop.start(StartOptions.id("done")).order("apple").getResult();
      try (DBOSClient client = DBOSClient.connect(url)) {
        // a queue no process runs: these stay ENQUEUED
        client.enqueue("held", Shop.class.getName(), "order", StartOptions.id("held-1"), "fig");
        client.enqueue("held", Shop.class.getName(), "order", StartOptions.id("held-2"), "kiwi");
        client.enqueue("held", Shop.class.getName(), "refuse", StartOptions.id("held-3"), "plum");
      }

      Result byFilter = dbos("workflow", "cancel", "-D", url, "--name", "order", "--status", "ENQUEUED");
      assertThat(byFilter.exit()).as(byFilter.out()).isZero();
      assertThat(byFilter.out()).contains("Cancelled held-1").contains("Cancelled held-2").doesNotContain("held-3");
      assertThat(dbos.retrieveWorkflow("held-1").getStatus().state()).isEqualTo(WorkflowState.CANCELLED);
      assertThat(dbos.retrieveWorkflow("held-3").getStatus().state()).isEqualTo(WorkflowState.ENQUEUED);

      Result finished = dbos("workflow", "cancel", "-D", url, "--status", "SUCCESS");
      assertThat(finished.out()).contains("Cancelled nothing");
      assertThat(dbos.retrieveWorkflow("done").getStatus().state()).isEqualTo(WorkflowState.SUCCESS);

      Result nothingNamed = dbos("workflow", "cancel", "-D", url);
      assertThat(nothingNamed.exit()).isEqualTo(2);
      assertThat(nothingNamed.out()).contains("name a workflow ID, or filters").contains("--status PENDING,ENQUEUED");
      Result both = dbos("workflow", "cancel", "held-3", "--status", "ENQUEUED", "-D", url);
      assertThat(both.exit()).isEqualTo(2);
      assertThat(both.out()).contains("not both");

      Result one = dbos("workflow", "cancel", "held-3", "--children", "-D", url);
      assertThat(one.exit()).as(one.out()).isZero();
      assertThat(one.out()).contains("Cancelled held-3");
      assertThat(dbos.retrieveWorkflow("held-3").getStatus().state()).isEqualTo(WorkflowState.CANCELLED);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void queueListShowsPartitionsAndDelayedWorkAndQueueLimitsAreShownChangedAndDeleted(String database) throws Exception {
    String url = url(database);
    try (DBOS dbos = DBOS.builder().appName("shop").systemDatabaseUrl(url).adminServer(false).configFile(dir.resolve("none.yaml")).build()) {
      dbos.register(Queue.of("tenants").partitionConcurrency(1).concurrency(4));
      dbos.launch();
      try (DBOSClient client = DBOSClient.connect(url)) {
        // a queue no process runs, so both stay where they are put
        client.enqueue("held", Shop.class.getName(), "order",
            StartOptions.id("later").delayUntil(java.time.Instant.parse("2099-01-02T03:04:05Z")), "fig");
        client.updateQueue(Queue.of("held").partitionConcurrency(1));
        client.enqueue("held", Shop.class.getName(), "order", StartOptions.id("acme-1").queuePartitionKey("acme"), "kiwi");
      }

      Result queued = dbos("queue", "list", "held", "-D", url);
      assertThat(queued.exit()).as(queued.out()).isZero();
      assertThat(queued.out()).contains("PARTITION").contains("DELAYED UNTIL");
      assertThat(line(queued.out(), "later")).contains("DELAYED").contains("2099-01-02T03:04:05Z");
      assertThat(line(queued.out(), "acme-1")).contains("ENQUEUED").contains("acme");
      assertThat(dbos("queue", "list", "held", "--json", "-D", url).out())
          .contains("\"queuePartitionKey\" : \"acme\"").contains("\"delayUntil\" : \"2099-01-02T03:04:05Z\"");
      assertThat(dbos("workflow", "get", "later", "-D", url).out()).contains("Delayed until:    2099-01-02T03:04:05Z");

      Result limits = dbos("queue", "limits", "-D", url);
      assertThat(limits.exit()).as(limits.out()).isZero();
      assertThat(line(limits.out(), "tenants")).contains("4").contains("1");

      Result update = dbos("queue", "update", "tenants", "--rate-limit", "10/2s", "--worker-concurrency", "2", "-D", url);
      assertThat(update.out()).as(update.out())
          .contains("Updated tenants: concurrency 4, worker concurrency 2, rate 10/2s, partition concurrency 1");
      assertThat(dbos.getQueue("tenants")).get().satisfies(q -> {
        assertThat(q.rateLimit()).isEqualTo(10);
        assertThat(q.ratePeriod()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(q.concurrency()).isEqualTo(4);
      });
      assertThat(dbos("queue", "update", "tenants", "--concurrency", "0", "--rate-limit", "0", "-D", url).out())
          .contains("Updated tenants: worker concurrency 2, partition concurrency 1");
      assertThat(dbos("queue", "update", "fresh", "--concurrency", "3", "-D", url).out()).contains("Created fresh: concurrency 3");
      assertThat(dbos("queue", "limits", "fresh", "--json", "-D", url).out()).contains("\"concurrency\" : 3");

      Result badRate = dbos("queue", "update", "fresh", "--rate-limit", "ten", "-D", url);
      assertThat(badRate.exit()).isEqualTo(2);
      assertThat(badRate.out()).contains("'ten' is not a rate: write N/PERIOD");
      assertThat(dbos("queue", "update", "fresh", "--concurrency", "-1", "-D", url).out()).contains("--concurrency must be 0 (no limit) or more");
      assertThat(dbos.getQueue("fresh").orElseThrow().concurrency()).as("a refused change changes nothing").isEqualTo(3);

      assertThat(dbos("queue", "delete", "fresh", "-D", url).out()).contains("Deleted fresh");
      Result gone = dbos("queue", "delete", "fresh", "-D", url);
      assertThat(gone.exit()).isNotZero();
      assertThat(gone.out()).contains("no queue 'fresh' is kept in").contains("dbos queue limits");
    }
  }

  private static String line(String table, String containing) {
    return table.lines().filter(l -> l.contains(containing)).findFirst().orElseThrow(() -> new AssertionError(containing + " in\n" + table));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void executorListShowsEachProcessAndWhetherItIsAliveOrStopped(String database) throws Exception {
    String url = url(database);
    try (DBOS dbos = DBOS.builder().appName("shop").systemDatabaseUrl(url).executorId("cli-worker").adminServer(false)
        .configFile(dir.resolve("none.yaml")).build()) {
      dbos.launch();
      Result table = dbos("executor", "list", "-D", url);
      assertThat(table.exit()).as(table.out()).isZero();
      assertThat(table.out())
          .contains("EXECUTOR ID", "LAST HEARTBEAT", "STATE")
          .contains("cli-worker")
          .contains(Long.toString(ProcessHandle.current().pid()))
          .contains("alive");
    }
    Result json = dbos("executor", "list", "-D", url, "--json");
    assertThat(json.exit()).as(json.out()).isZero();
    assertThat(json.out()).contains("\"executorId\" : \"cli-worker\"").contains("\"state\" : \"stopped\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void aRowWithAnUnknownStatusIsSkippedWithANoticeAndTheListingSucceeds(String database) throws Exception {
    String url = url(database);
    try (DBOS dbos = DBOS.builder().appName("shop").systemDatabaseUrl(url).adminServer(false).configFile(dir.resolve("none.yaml")).build()) {
      ShopDurable shop = new ShopDurable(dbos, new CountDownLatch(0));
      dbos.launch();
      shop.start(StartOptions.id("good")).order("apple").getResult();
      shop.start(StartOptions.id("bad")).order("pear").getResult();
    }
    String table = database.equals("sqlite") ? "workflow_status" : "dbos.workflow_status";
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE " + table + " SET status = 'EXPLODED' WHERE workflow_uuid = 'bad'");
    }

    Result list = dbos("workflow", "list", "-D", url);

    assertThat(list.exit()).as(list.out()).isZero();
    assertThat(list.out()).contains("good").contains("notice: skipped a row that cannot be read")
        .contains("workflow_status row 'bad': column status holds 'EXPLODED'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void getAndListShowEachWorkflowsOutputAndErrorAndADamagedOutputAsRecorded(String database) throws Exception {
    String url = url(database);
    try (DBOS dbos = DBOS.builder().appName("shop").systemDatabaseUrl(url).adminServer(false).configFile(dir.resolve("none.yaml")).build()) {
      ShopDurable shop = new ShopDurable(dbos, new CountDownLatch(0));
      dbos.launch();
      shop.start(StartOptions.id("done")).order("apple").getResult();
      try {
        shop.start(StartOptions.id("refused")).refuse("pear").getResult();
      } catch (IllegalStateException expected) {
        // recorded as its error
      }
      shop.start(StartOptions.id("damaged")).order("fig").getResult();
    }
    String table = database.equals("sqlite") ? "workflow_status" : "dbos.workflow_status";
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE " + table + " SET output = '{\"broken' WHERE workflow_uuid = 'damaged'");
    }

    Result list = dbos("workflow", "list", "-D", url);
    assertThat(list.exit()).as(list.out()).isZero();
    assertThat(list.out())
        .contains("OUTPUT", "ERROR")
        .contains("\"reserved-apple\"")
        .contains("java.lang.IllegalStateException: out of stock: pear")
        .contains("{\"broken");

    Result json = dbos("workflow", "list", "-D", url, "--json");
    assertThat(json.exit()).as(json.out()).isZero();
    assertThat(json.out())
        .contains("\"output\" : \"\\\"reserved-apple\\\"\"")
        .contains("\"output\" : \"{\\\"broken\"")
        .contains("\"className\" : \"java.lang.IllegalStateException\"")
        .contains("\"message\" : \"out of stock: pear\"")
        .contains("\"recorded\" : ")
        .contains("\\\"methodName\\\":\\\"refuse\\\""); // the recorded stack, in full

    assertThat(dbos("workflow", "get", "done", "-D", url).out()).contains("Output:           \"reserved-apple\"");
    assertThat(dbos("workflow", "get", "damaged", "-D", url).out()).contains("Output:           {\"broken");
    Result refused = dbos("workflow", "get", "refused", "-D", url);
    assertThat(refused.out())
        .contains("Status:           ERROR")
        .contains("Error:            java.lang.IllegalStateException: out of stock: pear")
        .doesNotContain("Output:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void readCommandsThatFindNothingNameTheDatabaseTheySearched(String database) throws Exception {
    String url = url(database);
    try (DBOS dbos = DBOS.builder().systemDatabaseUrl(url).adminServer(false).configFile(dir.resolve("none.yaml")).build()) {
      dbos.launch();
    }
    // SQLite: the URL as given, relative to the working directory, and the file it means
    String given = database.equals("sqlite") ? "sqlite:///shop.sqlite" : url;
    String named = database.equals("sqlite")
        ? "sqlite:///shop.sqlite (the file " + dir.resolve("shop.sqlite").toAbsolutePath().normalize() + ")"
        : url.replaceFirst(":[^:@/]*@", ":***@");

    // a relative SQLite URL is read from the working directory: a process of its own, in dir
    Result get = dbosProcess("workflow", "get", "nope", "-D", given);
    assertThat(get.exit()).isEqualTo(1);
    assertThat(get.out()).contains("error: no workflow with ID 'nope' is recorded in " + named);

    Result list = dbosProcess("workflow", "list", "-D", given);
    assertThat(list.exit()).as(list.out()).isZero();
    assertThat(list.out()).contains("(none)").contains("no workflow is recorded in " + named);
    Result filtered = dbosProcess("workflow", "list", "--status", "ERROR", "--json", "-D", given);
    assertThat(filtered.out()).contains("[ ]").contains("no workflow matching these filters is recorded in " + named);
    if (database.equals("postgres")) {
      String password = java.net.URI.create(url).getUserInfo().split(":", 2)[1];
      assertThat(get.out() + list.out()).doesNotContain(":" + password + "@");
    }
  }

  @org.junit.jupiter.api.Test
  void readingAMissingSqliteDatabaseCreatesNothingAndNamesIt() throws Exception {
    Path missing = dir.resolve("missing").resolve("dir").resolve("x.sqlite");
    String url = "sqlite:///" + missing;

    for (String[] command : List.of(
        new String[] {"workflow", "list", "-D", url},
        new String[] {"workflow", "get", "w", "-D", url},
        new String[] {"queue", "list", "-D", url})) {
      Result read = dbos(command);
      assertThat(read.exit()).as(read.out()).isEqualTo(1);
      assertThat(read.out()).contains("no system database at").contains("x.sqlite").doesNotContain("\tat ");
    }
    assertThat(dir.resolve("missing")).doesNotExist();
  }

  @org.junit.jupiter.api.Test
  void withNoConfigurationAReadCommandNamesTheDefaultFileAndCreatesNothing() throws Exception {
    Result read = dbos("workflow", "list");

    assertThat(read.exit()).as(read.out()).isEqualTo(1);
    assertThat(read.out())
        .contains("no system database at jdbc:sqlite:dbos-app.sqlite")
        .contains(dir.resolve("dbos-app.sqlite").toString())
        .doesNotContain("\tat ");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres"})
  void readCommandsOnAPostgresDatabaseWithoutTheSchemaNameItAndCreateNothing(String database) throws Exception {
    String url = url(database); // its dbos schema dropped

    for (String[] command : List.of(
        new String[] {"workflow", "list", "-D", url},
        new String[] {"workflow", "get", "w", "-D", url},
        new String[] {"workflow", "steps", "w", "-D", url},
        new String[] {"queue", "list", "-D", url})) {
      Result read = dbos(command);
      assertThat(read.exit()).as(read.out()).isEqualTo(1);
      assertThat(read.out())
          .contains("the system database " + url.replaceFirst(":[^:@/]*@", ":***@") + " has no DBOS schema yet")
          .doesNotContain("\tat ");
    }
    try (Connection c = postgres();
        var schemas = c.createStatement().executeQuery("SELECT COUNT(*) FROM pg_namespace WHERE nspname = 'dbos'")) {
      schemas.next();
      assertThat(schemas.getInt(1)).as("a dbos schema").isZero();
    }
  }

  private static Connection connect(String url) throws Exception {
    if (url.startsWith("sqlite:///")) {
      return DriverManager.getConnection("jdbc:sqlite:" + url.substring("sqlite:///".length()));
    }
    URI uri = URI.create(url);
    String[] user = uri.getUserInfo().split(":", 2);
    return DriverManager.getConnection(
        "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath(),
        user[0], user.length > 1 ? user[1] : "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void mistakesGetAClearMessageAndANonZeroExitNeverAStackTrace(String database) throws Exception {
    String url = url(database);
    try (DBOS dbos = DBOS.builder().systemDatabaseUrl(url).adminServer(false).configFile(dir.resolve("none.yaml")).build()) {
      dbos.launch();
    }
    Result unknown = dbos("workflow", "get", "nope", "-D", url);
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.out()).contains("error: no workflow with ID 'nope' is recorded").doesNotContain("\tat ");

    Result badStatus = dbos("workflow", "list", "--status", "DONE", "-D", url);
    assertThat(badStatus.exit()).isEqualTo(2);
    assertThat(badStatus.out()).contains("DONE").contains("--status");

    Result badLimit = dbos("workflow", "list", "--limit", "0", "-D", url);
    assertThat(badLimit.exit()).isEqualTo(2);
    assertThat(badLimit.out()).contains("limit must be at least 1");

    Result unreachable = dbos("workflow", "list", "-D", "postgresql://u:hidden@127.0.0.1:1/none");
    assertThat(unreachable.exit()).isEqualTo(1);
    assertThat(unreachable.out()).contains("cannot connect").doesNotContain("hidden");

    Result noSubcommand = dbos("workflow");
    assertThat(noSubcommand.exit()).isEqualTo(2);
    assertThat(noSubcommand.out()).contains("Usage: dbos workflow");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void scheduleCommandsCreateListPauseResumeBackfillTriggerAndDeleteASchedule(String database) throws Exception {
    String url = url(database);
    try (DBOS dbos = DBOS.builder().systemDatabaseUrl(url).adminServer(false).configFile(dir.resolve("none.yaml")).build()) {
      dbos.launch();
    }
    Result created = dbos("schedule", "create", "hourly-orders", "--class", Shop.class.getName(), "--workflow", "order",
        "--cron", "0 * * * *", "--timezone", "Europe/Paris", "--context", "{\"region\":\"eu\"}", "-D", url);
    assertThat(created.exit()).as(created.out()).isZero();
    assertThat(created.out()).contains("created schedule hourly-orders");

    Result list = dbos("schedule", "list", "-D", url);
    assertThat(list.exit()).as(list.out()).isZero();
    assertThat(list.out()).contains("NAME", "CRON", "STATUS", "LAST FIRED")
        .contains("hourly-orders", Shop.class.getName() + ".order", "0 * * * *", "Europe/Paris", "ACTIVE", "region=eu");

    assertThat(dbos("schedule", "pause", "hourly-orders", "-D", url).exit()).isZero();
    assertThat(dbos("schedule", "get", "hourly-orders", "-D", url, "--json").out()).contains("\"status\" : \"PAUSED\"");
    assertThat(dbos("schedule", "resume", "hourly-orders", "-D", url).exit()).isZero();
    assertThat(dbos("schedule", "get", "hourly-orders", "-D", url).out()).contains("ACTIVE");

    String[] backfill = {"schedule", "backfill", "hourly-orders", "--start", "2030-01-01T00:00:00Z",
        "--end", "2030-01-01T03:00:00Z", "-D", url};
    Result filled = dbos(backfill);
    assertThat(filled.exit()).as(filled.out()).isZero();
    assertThat(filled.out().lines()).containsExactly(
        "sched-hourly-orders-2030-01-01T00:00:00.000Z", "sched-hourly-orders-2030-01-01T01:00:00.000Z",
        "sched-hourly-orders-2030-01-01T02:00:00.000Z");
    assertThat(dbos(backfill).out()).as("the same ticks, enqueued once").isEqualTo(filled.out());
    assertThat(dbos("workflow", "list", "-D", url).out().lines().filter(l -> l.startsWith("sched-hourly-orders-"))).hasSize(3);

    Result triggered = dbos("schedule", "trigger", "hourly-orders", "-D", url);
    assertThat(triggered.exit()).as(triggered.out()).isZero();
    assertThat(triggered.out()).startsWith("sched-hourly-orders-trigger-");

    assertThat(dbos("schedule", "delete", "hourly-orders", "-D", url).exit()).isZero();
    assertThat(dbos("schedule", "list", "-D", url).out()).contains("(none)");
    Result missing = dbos("schedule", "pause", "hourly-orders", "-D", url);
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.out()).contains("no schedule named 'hourly-orders'").doesNotContain("\tat ");
    Result badCron = dbos("schedule", "create", "bad", "--class", Shop.class.getName(), "--workflow", "order",
        "--cron", "61 * * * *", "-D", url);
    assertThat(badCron.exit()).isEqualTo(1);
    assertThat(badCron.out()).contains("\"61 * * * *\" does not parse");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void initResetAndHelp(String database) throws Exception {
    String url = url(database);
    assertThat(dbos("init", "shop").out()).contains("Wrote dbos-config.yaml for shop");
    assertThat(Files.readString(dir.resolve("dbos-config.yaml"))).contains("name: shop");
    assertThat(dbos("init", "shop").exit()).isEqualTo(1);
    assertThat(dbos("--help").out()).contains("workflow").contains("queue").contains("migrate");
    assertThat(dbos("workflow", "fork", "--help").out()).contains("--step");

    try (DBOS dbos = DBOS.builder().systemDatabaseUrl(url).adminServer(false).configFile(dir.resolve("none.yaml")).build()) {
      ShopDurable shop = new ShopDurable(dbos, new CountDownLatch(0));
      dbos.launch();
      shop.order("x");
    }
    // the question reads the process's own standard input, closed and empty here
    Result refused = dbosProcess("reset", "-D", url);
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.out()).contains("Type 'yes'").contains("Not reset.");
    assertThat(dbos("reset", "--yes", "-D", url).out()).contains("Reset");
    assertThat(dbos("workflow", "list", "-D", url).out()).contains("(none)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void migrateRunsTheMigrationCommandsThenCreatesTheSystemDatabaseAndStartRunsTheStartCommands(String database)
      throws Exception {
    Files.writeString(
        dir.resolve("dbos-config.yaml"),
        "name: shop\n"
            + "system_database_url: sqlite:///shop.sqlite\n"
            + "database:\n"
            + "  migrate:\n"
            + "    - echo migrating $DBOS_DATABASE_JDBC_URL\n"
            + "runtimeConfig:\n"
            + "  start:\n"
            + "    - echo started\n"
            + "    - exit 3\n"
            + "    - echo never\n");

    Result migrated = dbos("migrate");
    assertThat(migrated.exit()).isZero();
    assertThat(migrated.out())
        .contains("migrating jdbc:sqlite:shop.sqlite")
        .contains("system database sqlite:///shop.sqlite is at schema version");
    assertThat(dir.resolve("shop.sqlite")).exists();

    Result started = dbos("start");
    assertThat(started.exit()).isEqualTo(3);
    assertThat(started.out()).contains("started").doesNotContain("never");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void aFailingMigrationCommandStopsMigrateWithAOneLineError(String database) throws Exception {
    Files.writeString(
        dir.resolve("dbos-config.yaml"),
        "name: shop\nsystem_database_url: sqlite:///shop.sqlite\ndatabase:\n  migrate:\n    - exit 4\n");

    Result failed = dbos("migrate");
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.out()).contains("error: a migration command failed (status 4)").doesNotContain("at io.dbosj");
    assertThat(dir.resolve("shop.sqlite")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void eventsMessagesAndStreamsShowWhatAWorkflowSetWroteAndHasWaiting(String database) throws Exception {
    String url = url(database);
    try (DBOS dbos = DBOS.builder().appName("shop").systemDatabaseUrl(url).adminServer(false).configFile(dir.resolve("none.yaml")).build()) {
      ShopDurable shop = new ShopDurable(dbos, new CountDownLatch(0));
      dbos.launch();
      shop.start(StartOptions.id("done")).order("apple").getResult();
    }
    String schema = url.startsWith("sqlite") ? "" : "dbos.";
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      // as DBOS TS 5.3 writes them: latest value, its history, a consumed message kept and marked
      s.execute("INSERT INTO " + schema + "workflow_events (workflow_uuid, key, value, serialization)"
          + " VALUES ('done', 'status', '\"shipped\"', 'portable_json')");
      s.execute("INSERT INTO " + schema + "workflow_events_history (workflow_uuid, function_id, key, value, serialization)"
          + " VALUES ('done', 1, 'status', '\"packed\"', 'portable_json'), ('done', 2, 'status', '\"shipped\"', 'portable_json')");
      s.execute("INSERT INTO " + schema + "notifications"
          + " (message_uuid, destination_uuid, topic, message, created_at_epoch_ms, serialization, consumed) VALUES"
          + " ('m-1', 'done', '__null__topic__', '{\"note\":\"hi\"}', 1000, 'portable_json', " + (schema.isEmpty() ? "0" : "false") + "),"
          + " ('m-0', 'done', 'approvals', '\"taken\"', 500, 'portable_json', " + (schema.isEmpty() ? "1" : "true") + ")");
      s.execute("INSERT INTO " + schema + "streams (workflow_uuid, key, value, \"offset\", function_id, serialization) VALUES"
          + " ('done', 'progress', '10', 0, 1, 'portable_json'), ('done', 'progress', '20', 1, 2, 'portable_json'),"
          + " ('done', 'progress', '\"__DBOS_STREAM_CLOSED__\"', 2, 3, 'portable_json')");
    }

    Result events = dbos("workflow", "events", "done", "-D", url);
    assertThat(events.exit()).as(events.out()).isZero();
    assertThat(events.out()).contains("KEY").contains("status  \"shipped\"").doesNotContain("packed");
    assertThat(dbos("workflow", "events", "done", "--history", "-D", url).out())
        .containsSubsequence("1  status  \"packed\"", "2  status  \"shipped\"");
    assertThat(dbos("workflow", "events", "done", "--json", "-D", url).out()).contains("\"status\" : \"shipped\"");

    Result messages = dbos("workflow", "messages", "done", "-D", url);
    assertThat(messages.exit()).as(messages.out()).isZero();
    assertThat(messages.out())
        .contains("MESSAGE ID").contains("m-1").contains("(none)").contains("1970-01-01T00:00:01Z").contains("{\"note\":\"hi\"}")
        .doesNotContain("m-0");
    assertThat(dbos("workflow", "messages", "done", "--json", "-D", url).out())
        .contains("\"messageId\" : \"m-1\"").contains("\"topic\" : null").contains("\"note\" : \"hi\"");

    Result streams = dbos("workflow", "streams", "done", "-D", url);
    assertThat(streams.exit()).as(streams.out()).isZero();
    assertThat(streams.out()).contains("progress  0       10").contains("progress  1       20").doesNotContain("CLOSED");

    String named = url.replaceFirst(":[^:@/]*@", ":***@");
    for (String command : List.of("events", "messages", "streams")) {
      Result missing = dbos("workflow", command, "nope", "-D", url);
      assertThat(missing.exit()).as(missing.out()).isEqualTo(1);
      assertThat(missing.out()).contains("error: no workflow with ID 'nope' is recorded in ").contains(named).doesNotContain("\tat ");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void deleteGarbageCollectAndGlobalTimeoutSteerHowLongWorkflowsAreKept(String database) throws Exception {
    String url = url(database);
    CountDownLatch gate = new CountDownLatch(1);
    try (DBOS dbos = DBOS.builder().appName("shop").systemDatabaseUrl(url).adminServer(false).configFile(dir.resolve("none.yaml")).build()) {
      ShopDurable shop = new ShopDurable(dbos, gate);
      dbos.launch();
      for (String id : List.of("a", "b", "c")) {
        shop.start(StartOptions.id(id)).order(id).getResult();
        awaitNextMillisecond(); // created_at has millisecond precision: --keep counts them apart
      }
      WorkflowHandle<String> slow = shop.start(StartOptions.id("slow")).slowOrder("pear");

      Result delete = dbos("workflow", "delete", "a", "-D", url);
      assertThat(delete.exit()).as(delete.out()).isZero();
      assertThat(delete.out()).contains("Deleted a");
      Result again = dbos("workflow", "delete", "a", "-D", url);
      assertThat(again.exit()).isEqualTo(1);
      assertThat(again.out()).contains("error: no workflow with ID 'a' is recorded in").contains("nothing was deleted");
      Result running = dbos("workflow", "delete", "slow", "-D", url);
      assertThat(running.exit()).isEqualTo(1);
      assertThat(running.out()).contains("error: workflow slow is PENDING").doesNotContain("\tat ");

      assertThat(dbos("garbage-collect", "-D", url).exit()).isEqualTo(2);
      assertThat(dbos("garbage-collect", "--older-than", "soon", "-D", url).out()).contains("is not an age");
      Result kept = dbos("garbage-collect", "--keep", "2", "-D", url);
      assertThat(kept.out()).as("keeps c and slow, the two newest").contains("Deleted 1 finished workflow(s)");

      Result timeout = dbos("global-timeout", "--before", Instant.now().plusSeconds(60).toString(), "-D", url);
      assertThat(timeout.out()).contains("Cancelled slow");
      gate.countDown();
      assertThatThrownBy(slow::getResult).isInstanceOf(io.dbosj.WorkflowCancelledException.class);
      assertThat(dbos("garbage-collect", "--older-than", "0s", "-D", url).out()).contains("Deleted 2 finished workflow(s)");
      assertThat(dbos("workflow", "list", "-D", url).out()).contains("(none)");
    }
  }

  private static void awaitNextMillisecond() throws InterruptedException {
    long now = System.currentTimeMillis();
    while (System.currentTimeMillis() <= now) {
      Thread.sleep(1);
    }
  }
}
