package io.dbosj;

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
 * {@code dbos migrate}: runs the application's migrations, then creates or upgrades the system
 * database. Until the {@code dbos} command exists, run it as a main class from the directory that
 * holds {@code dbos-config.yaml}:
 *
 * <pre>
 * java -cp &lt;your classpath&gt; io.dbosj.DbosMigrate [--config path/to/dbos-config.yaml]
 * </pre>
 *
 * <p>Each command under {@code database.migrate} runs in a shell, in the configuration file's
 * directory, in order; the first that fails stops the migration. Commands see {@code CLASSPATH}
 * (this program's class path, so {@code java some.Main} works), and the application database as
 * {@code DBOS_DATABASE_JDBC_URL}, {@code DBOS_DATABASE_USER} and {@code DBOS_DATABASE_PASSWORD}.
 */
public final class DbosMigrate {
  private DbosMigrate() {}

  public static void main(String[] args) {
    Path config = Path.of("dbos-config.yaml");
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        config = Path.of(args[++i]);
      } else {
        System.err.println("usage: DbosMigrate [--config path/to/dbos-config.yaml]");
        System.exit(2);
      }
    }
    try {
      run(config);
    } catch (RuntimeException | IOException e) {
      System.err.println("dbos migrate failed: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    }
  }

  /** Runs the migrations of the configuration in {@code configFile}. */
  public static void run(Path configFile) throws IOException, InterruptedException {
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
