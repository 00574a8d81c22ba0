package io.dbosj.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {
  private static final ConfigSources.Explicit NOTHING =
      new ConfigSources.Explicit(null, null, null, null, null, null, null);

  @TempDir Path dir;

  @Test
  void withNothingGivenTheSystemDatabaseIsASqliteFileNamedAfterTheApp() {
    DbosConfig config = new ConfigSources(Map.of(), dir.resolve("missing.yaml")).resolve(NOTHING);

    assertThat(config.appName()).isEqualTo("dbos-app");
    assertThat(config.systemDatabase().kind()).isEqualTo(DatabaseUrl.Kind.SQLITE);
    assertThat(config.systemDatabase().sqlitePath()).isEqualTo(Path.of("dbos-app.sqlite"));
    assertThat(config.applicationDatabase()).isSameAs(config.systemDatabase());
    assertThat(config.executorId()).isEqualTo("local");
    assertThat(config.appVersion()).isNull();
  }

  @Test
  void heartbeatAndLeaseComeFromBuilderEnvironmentOrFileAndTheDefaultIdIsMarkedAsNotGiven() throws Exception {
    DbosConfig defaults = new ConfigSources(Map.of(), dir.resolve("missing.yaml")).resolve(NOTHING);
    assertThat(defaults.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.executorLease()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.executorIdGiven()).isFalse();

    Path yaml = dir.resolve("dbos-config.yaml");
    Files.writeString(yaml, "executor_id: local\nruntimeConfig:\n  executor_heartbeat: 0.5\n  executor_lease: PT4S\n");
    DbosConfig fromFile = new ConfigSources(Map.of(), yaml).resolve(NOTHING);
    assertThat(fromFile.heartbeatInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(fromFile.executorLease()).isEqualTo(Duration.ofSeconds(4));
    assertThat(fromFile.executorIdGiven()).as("local, but named in the file").isTrue();

    DbosConfig fromEnv = new ConfigSources(Map.of("DBOS_EXECUTOR_LEASE", "10"), yaml).resolve(NOTHING);
    assertThat(fromEnv.executorLease()).isEqualTo(Duration.ofSeconds(10));

    DbosConfig fromBuilder =
        new ConfigSources(Map.of("DBOS_EXECUTOR_LEASE", "10"), yaml)
            .resolve(new ConfigSources.Explicit(null, null, null, null, null, null, null,
                Duration.ofMillis(100), Duration.ofSeconds(1), null));
    assertThat(fromBuilder.heartbeatInterval()).isEqualTo(Duration.ofMillis(100));
    assertThat(fromBuilder.executorLease()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aLeaseNotLongerThanTheHeartbeatOrABadDurationIsRefused() {
    ConfigSources sources = new ConfigSources(Map.of("DBOS_EXECUTOR_HEARTBEAT", "soon"), dir.resolve("missing.yaml"));
    assertThatThrownBy(() -> sources.resolve(NOTHING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DBOS_EXECUTOR_HEARTBEAT")
        .hasMessageContaining("not a duration");
    assertThatThrownBy(
            () -> new ConfigSources(Map.of(), dir.resolve("missing.yaml"))
                .resolve(new ConfigSources.Explicit(null, null, null, null, null, null, null,
                    Duration.ofSeconds(5), Duration.ofSeconds(5), null)))
        .hasMessageContaining("must be longer than the heartbeat interval");
  }

  @Test
  void builderBeatsEnvironmentWhichBeatsTheConfigFile() throws Exception {
    Path yaml = dir.resolve("dbos-config.yaml");
    Files.writeString(
        yaml,
        "name: from-file\n"
            + "system_database_url: sqlite:///file.sqlite\n"
            + "database_url: postgresql://f:f@file-host/app\n"
            + "executor_id: file-executor\n"
            + "app_version: file-version\n");
    Map<String, String> env =
        Map.of(
            "DBOS_SYSTEM_DATABASE_URL", "sqlite:///env.sqlite",
            "DBOS_EXECUTOR_ID", "env-executor");
    ConfigSources sources = new ConfigSources(env, yaml);

    DbosConfig fromFileAndEnv = sources.resolve(NOTHING);
    assertThat(fromFileAndEnv.appName()).isEqualTo("from-file");
    assertThat(fromFileAndEnv.systemDatabase().sqlitePath()).isEqualTo(Path.of("env.sqlite"));
    assertThat(fromFileAndEnv.applicationDatabase().jdbcUrl()).isEqualTo("jdbc:postgresql://file-host/app");
    assertThat(fromFileAndEnv.executorId()).isEqualTo("env-executor");
    assertThat(fromFileAndEnv.appVersion()).isEqualTo("file-version");

    DbosConfig explicit =
        sources.resolve(
            new ConfigSources.Explicit("app", "sqlite:///builder.sqlite", null, "builder-executor", "v9", null, null));
    assertThat(explicit.appName()).isEqualTo("app");
    assertThat(explicit.systemDatabase().sqlitePath()).isEqualTo(Path.of("builder.sqlite"));
    assertThat(explicit.executorId()).isEqualTo("builder-executor");
    assertThat(explicit.appVersion()).isEqualTo("v9");
  }

  @Test
  void anApplicationDatabaseAloneAlsoHoldsTheSystemTables() {
    DbosConfig config =
        new ConfigSources(Map.of("DBOS_DATABASE_URL", "postgresql://u:p@h/app"), dir.resolve("none"))
            .resolve(NOTHING);

    assertThat(config.systemDatabase().jdbcUrl()).isEqualTo("jdbc:postgresql://h/app");
  }

  @Test
  void aBadUrlInTheEnvironmentNamesWhichDatabaseItIsFor() {
    ConfigSources sources =
        new ConfigSources(Map.of("DBOS_SYSTEM_DATABASE_URL", "oracle://x"), dir.resolve("none"));

    assertThatThrownBy(() -> sources.resolve(NOTHING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid system database URL")
        .hasMessageContaining("oracle://x");
  }

  @Test
  void aConfigFileThatIsNotAMappingIsReportedWithItsPath() throws Exception {
    Path yaml = Files.writeString(dir.resolve("dbos-config.yaml"), "- just\n- a list\n");

    assertThatThrownBy(() -> new ConfigSources(Map.of(), yaml).resolve(NOTHING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dbos-config.yaml");
  }

  @Test
  void theDatabaseRetryLimitComesFromTheBuilderThenTheEnvironmentElseThreeMinutes() {
    Path none = dir.resolve("missing.yaml");
    assertThat(new ConfigSources(Map.of(), none).resolve(NOTHING).databaseRetryLimit())
        .isEqualTo(java.time.Duration.ofMinutes(3));
    assertThat(new ConfigSources(Map.of("DBOS_DATABASE_RETRY_LIMIT", "45"), none).resolve(NOTHING).databaseRetryLimit())
        .isEqualTo(java.time.Duration.ofSeconds(45));
    assertThat(new ConfigSources(Map.of("DBOS_DATABASE_RETRY_LIMIT", "PT10M"), none).resolve(NOTHING).databaseRetryLimit())
        .isEqualTo(java.time.Duration.ofMinutes(10));
    ConfigSources.Explicit builder =
        new ConfigSources.Explicit(null, null, null, null, null, null, null, null, null, java.time.Duration.ofSeconds(5));
    assertThat(new ConfigSources(Map.of("DBOS_DATABASE_RETRY_LIMIT", "45"), none).resolve(builder).databaseRetryLimit())
        .isEqualTo(java.time.Duration.ofSeconds(5));
  }

  @Test
  void aMalformedRetryLimitIsRejectedNamingTheSetting() {
    assertThatThrownBy(
            () -> new ConfigSources(Map.of("DBOS_DATABASE_RETRY_LIMIT", "soon"), dir.resolve("missing.yaml"))
                .resolve(NOTHING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DBOS_DATABASE_RETRY_LIMIT");
  }
}
