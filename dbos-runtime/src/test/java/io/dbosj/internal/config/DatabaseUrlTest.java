package io.dbosj.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void aDbosStylePostgresUrlBecomesJdbcWithSeparateCredentials() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://app:p%40ss@db.internal:6543/orders?sslmode=require");

    assertThat(url.kind()).isEqualTo(DatabaseUrl.Kind.POSTGRESQL);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/orders?sslmode=require");
    assertThat(url.user()).isEqualTo("app");
    assertThat(url.password()).isEqualTo("p@ss");
    assertThat(url.toString()).isEqualTo("postgresql://app:***@db.internal:6543/orders?sslmode=require");
  }

  @Test
  void postgresSchemeAndMissingPartsAreAccepted() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://localhost");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/postgres");
    assertThat(url.user()).isNull();
    assertThat(url.password()).isNull();
  }

  @Test
  void aJdbcPostgresUrlIsKeptAndItsPasswordParameterMasked() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://h/db?user=u&password=secret&ssl=true");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db?user=u&password=secret&ssl=true");
    assertThat(url.toString()).isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
  }

  @Test
  void sqliteUrlsNameRelativeAndAbsoluteFiles() {
    assertThat(DatabaseUrl.parse("sqlite:///data/app.sqlite").sqlitePath()).isEqualTo(Path.of("data/app.sqlite"));
    assertThat(DatabaseUrl.parse("sqlite:////tmp/app.sqlite").sqlitePath()).isEqualTo(Path.of("/tmp/app.sqlite"));
    assertThat(DatabaseUrl.parse("jdbc:sqlite:app.sqlite").kind()).isEqualTo(DatabaseUrl.Kind.SQLITE);
  }

  @Test
  void anUnknownSchemeIsRejectedListingTheFormsThatWorkWithoutThePassword() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@h/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mysql://root:***@h/db")
        .hasMessageContaining("sqlite:///path/to/file.sqlite")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> DatabaseUrl.parse("sqlite://"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no path");
  }
}
