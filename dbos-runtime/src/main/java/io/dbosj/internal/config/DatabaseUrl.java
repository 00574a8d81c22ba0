package io.dbosj.internal.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database location as users write it, turned into what JDBC needs. Accepts the URLs DBOS
 * writes ({@code postgresql://user:pass@host:5432/db}, {@code sqlite:///path/app.sqlite}) and
 * plain JDBC URLs ({@code jdbc:postgresql://...}, {@code jdbc:sqlite:path}). {@link #toString()}
 * never shows the password.
 */
public final class DatabaseUrl {
  /** The two databases io.dbosj runs on. */
  public enum Kind {
    POSTGRESQL,
    SQLITE
  }

  private static final Pattern DBOS_POSTGRES =
      Pattern.compile("^postgres(?:ql)?://(?:([^:@/]*)(?::([^@/]*))?@)?([^/?]*)(/[^?]*)?(\\?.*)?$");
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)([?&;]password=)[^&;]*");
  private static final Pattern USERINFO_PASSWORD = Pattern.compile("(://[^:@/]*:)[^@/]*@");

  private final Kind kind;
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final String shown;
  private final String original;

  private DatabaseUrl(Kind kind, String jdbcUrl, String user, String password, String shown, String original) {
    this.kind = kind;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.shown = shown;
    this.original = original;
  }

  /** The URL as given, password included: to hand on, never to show. */
  public String original() {
    return original;
  }

  /**
   * Parses a URL.
   *
   * @throws IllegalArgumentException naming the accepted forms, if {@code url} is none of them
   */
  public static DatabaseUrl parse(String url) {
    String trimmed = url.trim();
    String shown = mask(trimmed);
    if (trimmed.startsWith("jdbc:postgresql:")) {
      return new DatabaseUrl(Kind.POSTGRESQL, trimmed, null, null, shown, trimmed);
    }
    if (trimmed.startsWith("jdbc:sqlite:")) {
      return new DatabaseUrl(Kind.SQLITE, trimmed, null, null, shown, trimmed);
    }
    if (trimmed.startsWith("sqlite://")) {
      String path = trimmed.substring("sqlite://".length());
      if (!path.startsWith("/") || path.length() < 2) {
        throw new IllegalArgumentException(
            "SQLite URL '" + shown + "' has no path: write sqlite:///relative/path.sqlite or"
                + " sqlite:////absolute/path.sqlite");
      }
      DatabaseUrl file = sqliteFile(Path.of(path.substring(1)));
      return new DatabaseUrl(Kind.SQLITE, file.jdbcUrl, null, null, shown, trimmed);
    }
    Matcher m = DBOS_POSTGRES.matcher(trimmed);
    if (m.matches()) {
      String host = m.group(3).isEmpty() ? "localhost" : m.group(3);
      String database = m.group(4) == null ? "/postgres" : m.group(4);
      String query = m.group(5) == null ? "" : m.group(5);
      return new DatabaseUrl(
          Kind.POSTGRESQL,
          "jdbc:postgresql://" + host + database + query,
          decode(m.group(1)),
          decode(m.group(2)),
          shown,
          trimmed);
    }
    throw new IllegalArgumentException(
        "unsupported database URL '"
            + shown
            + "': use postgresql://user:password@host:5432/database, jdbc:postgresql://host/database,"
            + " sqlite:///path/to/file.sqlite or jdbc:sqlite:path/to/file.sqlite");
  }

  /** A SQLite database in {@code file}. */
  public static DatabaseUrl sqliteFile(Path file) {
    String jdbc = "jdbc:sqlite:" + file;
    return new DatabaseUrl(Kind.SQLITE, jdbc, null, null, jdbc, jdbc);
  }

  private static String decode(String part) {
    return part == null || part.isEmpty() ? null : URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  /** {@code url} with any password replaced by {@code ***}. */
  public static String mask(String url) {
    String masked = USERINFO_PASSWORD.matcher(url).replaceAll("$1***@");
    return PASSWORD_PARAM.matcher(masked).replaceAll("$1***");
  }

  public Kind kind() {
    return kind;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** The user given in a DBOS-style URL, or {@code null} (then the JDBC URL carries it, if any). */
  public String user() {
    return user;
  }

  /** The password given in a DBOS-style URL, or {@code null}. */
  public String password() {
    return password;
  }

  /** For SQLite, the database file. */
  public Path sqlitePath() {
    String rest = jdbcUrl.substring("jdbc:sqlite:".length());
    int query = rest.indexOf('?');
    return Path.of(query < 0 ? rest : rest.substring(0, query));
  }

  /** The URL as given, with the password masked. */
  @Override
  public String toString() {
    return shown;
  }
}
