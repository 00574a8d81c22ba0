package io.dbosj.cli;

import io.dbosj.DbosException;
import io.dbosj.internal.config.ConfigSources;
import io.dbosj.internal.config.DatabaseUrl;
import io.dbosj.internal.config.DbosConfig;
import io.dbosj.internal.config.ShellCommands;
import io.dbosj.internal.db.SchemaMigrations;
import io.dbosj.internal.db.SystemDatabase;
import io.dbosj.internal.db.TransactionOutputStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code dbos migrate} does: runs the application's migrations, then creates or upgrades the
 * system database.
 *
 * <p>Each command under {@code database.migrate} runs in a shell, in the configuration file's
 * directory, in order; the first that fails stops the migration. Commands see {@code CLASSPATH}
 * (this program's class path, so {@code java some.Main} works), and the application database as
 * {@code DBOS_DATABASE_JDBC_URL}, {@code DBOS_DATABASE_USER} and {@code DBOS_DATABASE_PASSWORD}.
 */
final class DbosMigrate {
  private DbosMigrate() {}

  /** Runs the migrations of the configuration in {@code configFile}. */
  static void run(Path configFile) throws IOException, InterruptedException {
    DbosConfig config =
        new ConfigSources(System.getenv(), configFile)
            .resolve(new ConfigSources.Explicit(null, null, null, null, null, false, null));
    File directory = configFile.toAbsolutePath().getParent().toFile();
    DatabaseUrl app = config.applicationDatabase();
    Map<String, String> env =
        Map.of(
            "DBOS_DATABASE_JDBC_URL", app.jdbcUrl(),
            "DBOS_DATABASE_USER", app.user() == null ? "" : app.user(),
            "DBOS_DATABASE_PASSWORD", app.password() == null ? "" : app.password());
    int exit = ShellCommands.run(config.migrateCommands(), directory, env, "dbos migrate");
    if (exit != 0) {
      throw new DbosException("a migration command failed (status " + exit + "); nothing more was run");
    }
    try (SystemDatabase system = SystemDatabase.open(config.systemDatabase(), "dbos-migrate")) {
      long version = SchemaMigrations.migrate(system);
      TransactionOutputStore.createTable(system);
      System.out.println(
          "dbos migrate: system database " + config.systemDatabase() + " is at schema version " + version);
    }
    if (!config.applicationDatabase().jdbcUrl().equals(config.systemDatabase().jdbcUrl())) {
      try (SystemDatabase application = SystemDatabase.open(config.applicationDatabase(), "dbos-migrate-app")) {
        TransactionOutputStore.createTable(application);
      }
    }
  }
}
