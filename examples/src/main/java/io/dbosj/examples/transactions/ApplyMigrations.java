package io.dbosj.examples.transactions;

import org.flywaydb.core.Flyway;

/**
 * The application's schema migration, run by {@code dbos migrate} (listed under {@code
 * database.migrate} in {@code dbos-config.yaml}): Flyway applies the SQL files under {@code
 * db/migration/<database>} to the application database that dbos migrate names in its
 * environment.
 */
public final class ApplyMigrations {
  private ApplyMigrations() {}

  public static void main(String[] args) {
    String url = System.getenv("DBOS_DATABASE_JDBC_URL");
    if (url == null || url.isBlank()) {
      System.err.println("run this through dbos migrate, which names the database");
      System.exit(2);
    }
    String vendor = url.startsWith("jdbc:sqlite:") ? "sqlite" : "postgresql";
    var result =
        Flyway.configure()
            .dataSource(url, System.getenv("DBOS_DATABASE_USER"), System.getenv("DBOS_DATABASE_PASSWORD"))
            .locations("classpath:db/migration/" + vendor)
            .load()
            .migrate();
    System.out.println("Applied " + result.migrationsExecuted + " migration(s) to " + url);
  }
}
