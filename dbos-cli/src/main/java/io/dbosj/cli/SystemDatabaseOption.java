package io.dbosj.cli;

import io.dbosj.DBOSClient;
import io.dbosj.internal.config.ConfigSources;
import io.dbosj.internal.config.DatabaseUrl;
import io.dbosj.internal.config.DbosConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the system database is: {@code -D/--db-url}, else {@code DBOS_SYSTEM_DATABASE_URL}, else
 * {@code dbos-config.yaml} in the working directory, else the app's default SQLite file.
 */
final class SystemDatabaseOption {
  @Option(
      names = {"-D", "--db-url"},
      paramLabel = "URL",
      description = "The system database URL (default: $DBOS_SYSTEM_DATABASE_URL, then dbos-config.yaml).")
  String url;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      defaultValue = "dbos-config.yaml",
      description = "The configuration file to read (default: ${DEFAULT-VALUE}).")
  Path config;

  DbosConfig resolve() {
    return new ConfigSources(System.getenv(), config)
        .resolve(new ConfigSources.Explicit(null, url, null, null, null, false, null));
  }

  DBOSClient connect() {
    return DBOSClient.connect(resolve().systemDatabase().original());
  }

  /**
   * The system database as a message names it: the URL with its password masked, and a SQLite
   * file's absolute path, so that "no workflow found" says where the command looked.
   */
  String described() {
    DatabaseUrl url = resolve().systemDatabase();
    if (url.kind() == DatabaseUrl.Kind.SQLITE) {
      String file = url.sqlitePath().toAbsolutePath().normalize().toString();
      return url.toString().endsWith(file) ? url.toString() : url + " (the file " + file + ")";
    }
    return url.toString();
  }
}
