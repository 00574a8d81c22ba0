package io.dbosj.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbosj.SystemDatabaseUnreachableException;
import io.dbosj.internal.config.DatabaseUrl;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class OutageRetryTest {
  private static final DatabaseUrl URL = DatabaseUrl.parse("postgresql://app:secret@db:5432/app");

  private static OutageRetry retry(Duration limit) {
    return new OutageRetry(URL, limit, () -> false);
  }

  @Test
  void connectionLevelFailuresAreRecognisedByTheirState() {
    assertThat(OutageRetry.isConnectionFailure(new SQLException("terminating connection", "57P01"))).isTrue();
    assertThat(OutageRetry.isConnectionFailure(new SQLException("shutting down", "57P02"))).isTrue();
    assertThat(OutageRetry.isConnectionFailure(new SQLException("starting up", "57P03"))).isTrue();
    assertThat(OutageRetry.isConnectionFailure(new SQLException("I/O error", "08006"))).isTrue();
    assertThat(OutageRetry.isConnectionFailure(new SQLException("refused", "08001", new ConnectException()))).isTrue();
    // HikariCP's proxy of a connection the pool evicted as broken (seen in dbos-faults: a restart
    // turned a transaction into ERROR through it)
    assertThat(OutageRetry.isConnectionFailure(new SQLException("Connection is closed"))).isTrue();
    assertThat(OutageRetry.isConnectionFailure(new SQLTransientConnectionException("pool timed out"))).isTrue();
    assertThat(OutageRetry.isConnectionFailure(new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY))).isTrue();
    assertThat(OutageRetry.isConnectionFailure(new SQLiteException("locked", SQLiteErrorCode.SQLITE_LOCKED))).isTrue();
    assertThat(OutageRetry.isConnectionFailure(new RuntimeException(new SQLException("x", "57P01")))).isTrue();
  }

  @Test
  void statementFailuresAreNotConnectionFailures() {
    assertThat(OutageRetry.isConnectionFailure(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(OutageRetry.isConnectionFailure(new SQLException("syntax error", "42601"))).isFalse();
    assertThat(OutageRetry.isConnectionFailure(new SQLiteException("constraint", SQLiteErrorCode.SQLITE_CONSTRAINT)))
        .isFalse();
    assertThat(OutageRetry.isConnectionFailure(new SQLException("closed pool"))).isFalse();
  }

  @Test
  void aCallIsRetriedUntilTheDatabaseAnswers() throws Exception {
    OutageRetry retry = retry(Duration.ofSeconds(30));
    AtomicInteger attempts = new AtomicInteger();

    String result =
        retry.run(
            () -> {
              if (attempts.incrementAndGet() < 4) {
                throw new SQLException("terminating connection due to administrator command", "57P01");
              }
              return "answered";
            });

    assertThat(result).isEqualTo("answered");
    assertThat(attempts).hasValue(4);
    assertThat(retry.isDown()).isFalse();
  }

  @Test
  void aStatementFailureIsNotRetried() {
    OutageRetry retry = retry(Duration.ofSeconds(30));
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () -> retry.run(() -> {
              attempts.incrementAndGet();
              throw new SQLException("duplicate key", "23505");
            }))
        .isInstanceOf(SQLException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void pastTheLimitTheCallFailsSayingTheDatabaseIsUnreachableWithoutThePassword() {
    OutageRetry retry = retry(Duration.ofMillis(300));
    AtomicInteger giveUps = new AtomicInteger();
    retry.onGiveUp(giveUps::incrementAndGet);

    assertThatThrownBy(() -> retry.run(() -> {
          throw new SQLException("Connection to db:5432 refused", "08001");
        }))
        .isInstanceOf(SystemDatabaseUnreachableException.class)
        .hasMessageContaining("system database postgresql://app:***@db:5432/app is unreachable")
        .hasMessageContaining("PENDING")
        .hasMessageNotContaining("secret");
    assertThat(giveUps).hasValue(1);
    assertThat(retry.isDown()).isTrue();
  }

  @Test
  void aClosedPoolIsNotRetried() {
    OutageRetry retry = new OutageRetry(URL, Duration.ofSeconds(30), () -> true);

    assertThatThrownBy(() -> retry.run(() -> {
          throw new SQLException("refused", "08001");
        }))
        .isInstanceOf(SQLException.class);
  }
}
