package io.dbosj.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.DbosException;
import io.dbosj.internal.config.DatabaseUrl;
import io.dbosj.internal.db.CheckpointWrite;
import io.dbosj.internal.db.GroupCommit;
import io.dbosj.internal.db.GroupCommit.Rounds;
import io.dbosj.internal.db.SystemDatabase;
import io.dbosj.tests.support.BothDatabases;
import io.dbosj.tests.support.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's group commit: callers that arrive while a commit is under way share the next one,
 * each returns only once its writes are durable, one call's failure is not another's, and the
 * writes of one call are all or none. A held table lock makes the first commit wait, so the
 * others are sure to queue behind it.
 */
class GroupCommitTest {
  private static final int CALLERS = 12;

  @BothDatabases
  void callersArrivingDuringACommitShareTheNextOne(TestDatabase db) throws Exception {
    try (SystemDatabase system = open(db)) {
      createTable(db);
      GroupCommit group = new GroupCommit(system, 1, Rounds.ONE_TRANSACTION);
      List<Future<int[]>> results;
      ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
      try (Connection blocker = holdTableLock(db)) {
        results = new ArrayList<>();
        results.add(callers.submit(() -> group.commit(insert(0))));
        awaitCommitUnderWay(group, results.get(0));
        for (int k = 1; k < CALLERS; k++) {
          int key = k;
          results.add(callers.submit(() -> group.commit(insert(key))));
        }
        awaitWaiting(group, CALLERS - 1);
        blocker.commit();
      } finally {
        callers.shutdown();
      }
      for (Future<int[]> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).containsExactly(1);
      }
      assertThat(group.rounds()).isEqualTo(2);
      assertThat(db.value("SELECT COUNT(*) FROM gc_test")).isEqualTo(String.valueOf(CALLERS));
    }
  }

  @BothDatabases
  void aFailingCallInASharedCommitFailsAloneAndTheOthersAreKept(TestDatabase db) throws Exception {
    try (SystemDatabase system = open(db)) {
      createTable(db);
      GroupCommit group = new GroupCommit(system, 1, Rounds.ONE_TRANSACTION);
      ExecutorService callers = Executors.newFixedThreadPool(4);
      Future<int[]> first;
      Future<int[]> good;
      Future<int[]> bad;
      try (Connection blocker = holdTableLock(db)) {
        first = callers.submit(() -> group.commit(insert(1)));
        awaitCommitUnderWay(group, first);
        good = callers.submit(() -> group.commit(insert(2), insert(3)));
        awaitWaiting(group, 1);
        bad = callers.submit(() -> group.commit(new CheckpointWrite("INSERT INTO no_such_table(k) VALUES (?)", 0, new Object[] {4})));
        awaitWaiting(group, 2);
        blocker.commit();
      } finally {
        callers.shutdown();
      }
      assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly(1);
      assertThat(good.get(30, TimeUnit.SECONDS)).containsExactly(1, 1);
      assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(DbosException.class)
          .hasMessageContaining("no_such_table");
      assertThat(db.rows("SELECT k FROM gc_test ORDER BY k").stream().map(r -> r.get(0)).toList())
          .containsExactly("1", "2", "3");
    }
  }

  @BothDatabases
  void theWritesOfOneCallAreAllOrNone(TestDatabase db) throws Exception {
    try (SystemDatabase system = open(db)) {
      createTable(db);
      GroupCommit group = new GroupCommit(system, 1, Rounds.ONE_TRANSACTION);
      assertThat(group.commit(insert(1))).containsExactly(1);
      // the second insert changes nothing (key 1 exists), so the first is not kept either
      assertThat(group.commit(insert(2), insert(1))).containsExactly(1, 0);
      // alone, a write that changes nothing is just a result
      assertThat(group.commit(insert(1))).containsExactly(0);
      assertThat(db.rows("SELECT k FROM gc_test ORDER BY k").stream().map(r -> r.get(0)).toList())
          .containsExactly("1");
    }
  }

  @BothDatabases
  void onPostgresEachRoundTakesTheWaitingCallsOfOneStatement(TestDatabase db) throws Exception {
    try (SystemDatabase system = open(db)) {
      createTable(db);
      GroupCommit group = oneRoundAtATime(system, db);
      List<Future<int[]>> results = new ArrayList<>();
      ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
      try (Connection blocker = holdTableLock(db)) {
        results.add(callers.submit(() -> group.commit(insert(0))));
        awaitCommitUnderWay(group, results.get(0));
        for (int k = 1; k < CALLERS; k++) {
          int key = k;
          // two statements, arriving interleaved
          results.add(callers.submit(() -> group.commit(key % 2 == 0 ? insert(key) : insertBySelect(key))));
          awaitWaiting(group, k);
        }
        blocker.commit();
      } finally {
        callers.shutdown();
      }
      for (Future<int[]> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).containsExactly(1);
      }
      // the blocked round, then one round per statement on PostgreSQL, one for all on SQLite
      assertThat(group.rounds()).isEqualTo(db.kind() == TestDatabase.Kind.POSTGRES ? 3 : 2);
      assertThat(db.value("SELECT COUNT(*) FROM gc_test")).isEqualTo(String.valueOf(CALLERS));
      assertThat(db.value("SELECT SUM(k) FROM gc_test")).isEqualTo(String.valueOf(CALLERS * (CALLERS - 1) / 2));
    }
  }

  @BothDatabases
  void aFailingCallInARoundOfOneStatementFailsAloneAndTheOthersAreKept(TestDatabase db) throws Exception {
    try (SystemDatabase system = open(db)) {
      createTable(db);
      GroupCommit group = oneRoundAtATime(system, db);
      ExecutorService callers = Executors.newFixedThreadPool(4);
      Future<int[]> first;
      Future<int[]> good;
      Future<int[]> bad;
      Future<int[]> alsoGood;
      try (Connection blocker = holdTableLock(db)) {
        first = callers.submit(() -> group.commit(insert(1)));
        awaitCommitUnderWay(group, first);
        good = callers.submit(() -> group.commit(insert(2)));
        awaitWaiting(group, 1);
        bad = callers.submit(() -> group.commit(insert(-1))); // breaks the table's check
        awaitWaiting(group, 2);
        alsoGood = callers.submit(() -> group.commit(insert(3)));
        awaitWaiting(group, 3);
        blocker.commit();
      } finally {
        callers.shutdown();
      }
      assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly(1);
      // 1, not 0: the failed round kept nothing, so each write counts when run again alone
      assertThat(good.get(30, TimeUnit.SECONDS)).containsExactly(1);
      assertThat(alsoGood.get(30, TimeUnit.SECONDS)).containsExactly(1);
      assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(DbosException.class);
      assertThat(db.rows("SELECT k FROM gc_test ORDER BY k").stream().map(r -> r.get(0)).toList())
          .containsExactly("1", "2", "3");
    }
  }

  @BothDatabases
  void roundsOfOneStatementAreRefusedOffPostgres(TestDatabase db) throws Exception {
    try (SystemDatabase system = open(db)) {
      if (db.kind() == TestDatabase.Kind.POSTGRES) {
        createTable(db);
        assertThat(new GroupCommit(system, 2, Rounds.ONE_STATEMENT).commit(insert(1))).containsExactly(1);
      } else {
        assertThatThrownBy(() -> new GroupCommit(system, 1, Rounds.ONE_STATEMENT))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("need PostgreSQL");
      }
    }
  }

  /** The database's own shape of rounds, one round at a time, so that callers queue behind a blocked one. */
  private static GroupCommit oneRoundAtATime(SystemDatabase system, TestDatabase db) {
    return new GroupCommit(
        system, 1, db.kind() == TestDatabase.Kind.POSTGRES ? Rounds.ONE_STATEMENT : Rounds.ONE_TRANSACTION);
  }

  private static SystemDatabase open(TestDatabase db) {
    return SystemDatabase.open(DatabaseUrl.parse(db.url()), "group-commit-test");
  }

  private static CheckpointWrite insert(int key) {
    return new CheckpointWrite("INSERT INTO gc_test(k) VALUES (?) ON CONFLICT DO NOTHING", 0, new Object[] {key});
  }

  /** The same row as {@link #insert}, through another statement. */
  private static CheckpointWrite insertBySelect(int key) {
    return new CheckpointWrite("INSERT INTO gc_test(k) SELECT ? WHERE 1 = 1 ON CONFLICT DO NOTHING", 0, new Object[] {key});
  }

  private static void createTable(TestDatabase db) throws Exception {
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS gc_test");
      s.execute("CREATE TABLE gc_test(k INTEGER PRIMARY KEY CHECK (k >= 0))");
    }
  }

  /** A transaction that holds the write lock of gc_test until committed. */
  private static Connection holdTableLock(TestDatabase db) throws Exception {
    Connection c = db.connect();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      if (db.kind() == TestDatabase.Kind.POSTGRES) {
        s.execute("LOCK TABLE gc_test IN EXCLUSIVE MODE");
      } else {
        s.execute("INSERT INTO gc_test(k) VALUES (1000000)");
        s.execute("DELETE FROM gc_test WHERE k = 1000000");
      }
    }
    return c;
  }

  /** Waits until the first caller is inside its commit round, which waits for the lock. */
  private static void awaitCommitUnderWay(GroupCommit group, Future<?> first) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (group.roundsUnderWay() == 0) {
      assertThat(first.isDone()).as("the first commit waits for the lock").isFalse();
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the first commit never started");
      }
      Thread.sleep(5);
    }
  }

  private static void awaitWaiting(GroupCommit group, int calls) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (group.waiting() < calls) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(group.waiting() + " calls wait, expected " + calls);
      }
      Thread.sleep(5);
    }
  }
}
