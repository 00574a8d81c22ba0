package io.dbosj.internal.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Resolves the configuration from, in order of precedence: values set on the builder, environment
 * variables ({@code DBOS_SYSTEM_DATABASE_URL}, {@code DBOS_DATABASE_URL}, {@code DBOS_APP_VERSION},
 * {@code DBOS_EXECUTOR_ID}), {@code dbos-config.yaml}, and defaults (a SQLite file named after the
 * application in the working directory).
 */
public final class ConfigSources {
  /** The application name when none is given anywhere. */
  public static final String DEFAULT_APP_NAME = "dbos-app";

  /** The executor ID when none is given anywhere, as in DBOS. */
  public static final String DEFAULT_EXECUTOR_ID = "local";

  private final Map<String, String> environment;
  private final Path configFile;

  public ConfigSources(Map<String, String> environment, Path configFile) {
    this.environment = environment;
    this.configFile = configFile;
  }

  /** What the builder was given; {@code null} means "not set". */
  public record Explicit(
      String appName,
      String systemDatabaseUrl,
      String databaseUrl,
      String executorId,
      String appVersion,
      Boolean adminServer,
      Integer adminPort,
      java.time.Duration heartbeatInterval,
      java.time.Duration executorLease,
      java.time.Duration databaseRetryLimit) {

    /** With nothing set but what DBOS's own builders set. */
    public Explicit(
        String appName,
        String systemDatabaseUrl,
        String databaseUrl,
        String executorId,
        String appVersion,
        Boolean adminServer,
        Integer adminPort) {
      this(appName, systemDatabaseUrl, databaseUrl, executorId, appVersion, adminServer, adminPort, null, null, null);
    }
  }

  /** How often an executor renews its heartbeat when nothing says otherwise. */
  public static final java.time.Duration DEFAULT_HEARTBEAT_INTERVAL = java.time.Duration.ofSeconds(5);

  /** How long after its last heartbeat an executor's work is taken over, when nothing says otherwise. */
  public static final java.time.Duration DEFAULT_EXECUTOR_LEASE = java.time.Duration.ofSeconds(30);

  public DbosConfig resolve(Explicit explicit) {
    JsonNode file = readConfigFile();
    String appName = first(explicit.appName(), null, text(file, "name"), DEFAULT_APP_NAME);
    String systemUrl =
        first(
            explicit.systemDatabaseUrl(),
            environment.get("DBOS_SYSTEM_DATABASE_URL"),
            text(file, "system_database_url"),
            null);
    String appUrl =
        first(
            explicit.databaseUrl(),
            environment.get("DBOS_DATABASE_URL"),
            text(file, "database_url"),
            null);
    DatabaseUrl system =
        systemUrl != null
            ? parse(systemUrl, "system database")
            : appUrl != null
                ? parse(appUrl, "application database")
                : DatabaseUrl.sqliteFile(Path.of(appName + ".sqlite"));
    DatabaseUrl application = appUrl != null ? parse(appUrl, "application database") : system;
    String executorId =
        first(
            explicit.executorId(),
            environment.get("DBOS_EXECUTOR_ID"),
            text(file, "executor_id"),
            DEFAULT_EXECUTOR_ID);
    String appVersion =
        first(
            explicit.appVersion(),
            environment.get("DBOS_APP_VERSION"),
            text(file, "app_version"),
            null);
    JsonNode runtime = file == null ? null : file.get("runtimeConfig");
    boolean adminServer =
        explicit.adminServer() != null
            ? explicit.adminServer()
            : runtime != null && runtime.has("admin_server")
                ? runtime.get("admin_server").asBoolean()
                : true;
    int adminPort =
        explicit.adminPort() != null
            ? explicit.adminPort()
            : runtime != null && runtime.has("admin_port") ? runtime.get("admin_port").asInt() : 3001;
    java.time.Duration heartbeat =
        duration(explicit.heartbeatInterval(), "DBOS_EXECUTOR_HEARTBEAT", runtime, "executor_heartbeat",
            DEFAULT_HEARTBEAT_INTERVAL);
    java.time.Duration lease =
        duration(explicit.executorLease(), "DBOS_EXECUTOR_LEASE", runtime, "executor_lease", DEFAULT_EXECUTOR_LEASE);
    if (lease.compareTo(heartbeat) <= 0) {
      throw new IllegalArgumentException(
          "the executor lease (" + lease + ") must be longer than the heartbeat interval (" + heartbeat
              + "), or a live executor's work would be taken over between two heartbeats");
    }
    return new DbosConfig(
        appName,
        system,
        application,
        executorId,
        appVersion,
        adminServer,
        adminPort,
        commands(file, "database", "migrate"),
        commands(file, "runtimeConfig", "start"),
        !DEFAULT_EXECUTOR_ID.equals(executorId) || executorIdNamed(explicit, file),
        heartbeat,
        lease,
        retryLimit(explicit, file));
  }

  /** Whether some source named the executor ID, even as {@code local}. */
  private boolean executorIdNamed(Explicit explicit, JsonNode file) {
    return first(explicit.executorId(), environment.get("DBOS_EXECUTOR_ID"), text(file, "executor_id"), null) != null;
  }

  /**
   * A duration from the builder, else the environment variable, else {@code runtimeConfig.key}:
   * seconds ({@code 5}, {@code 0.2}) or ISO-8601 ({@code PT5S}).
   */
  private java.time.Duration duration(
      java.time.Duration explicit, String variable, JsonNode runtime, String key, java.time.Duration fallback) {
    if (explicit != null) {
      return positive(explicit, "builder");
    }
    String env = environment.get(variable);
    if (env != null && !env.isBlank()) {
      return positive(parseDuration(env.trim(), variable), variable);
    }
    String fromFile = text(runtime, key);
    if (fromFile != null) {
      return positive(parseDuration(fromFile, "runtimeConfig." + key), "runtimeConfig." + key);
    }
    return fallback;
  }

  private static java.time.Duration parseDuration(String text, String source) {
    try {
      if (text.startsWith("P") || text.startsWith("p")) {
        return java.time.Duration.parse(text);
      }
      return java.time.Duration.ofNanos(new java.math.BigDecimal(text).movePointRight(9).longValueExact());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          source + ": \"" + text + "\" is not a duration; write seconds (5, 0.5) or ISO-8601 (PT5S)", e);
    }
  }

  private static java.time.Duration positive(java.time.Duration d, String source) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(source + ": a duration must be positive, was " + d);
    }
    return d;
  }

  /** The list of shell commands at {@code section.key}, e.g. {@code database.migrate}. */
  private List<String> commands(JsonNode file, String section, String key) {
    JsonNode parent = file == null ? null : file.get(section);
    JsonNode list = parent == null ? null : parent.get(key);
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new IllegalArgumentException(
          configFile + ": " + section + "." + key + " must be a list of shell commands, e.g. [\"java -jar app.jar\"]");
    }
    List<String> commands = new ArrayList<>();
    for (JsonNode command : list) {
      commands.add(command.asString());
    }
    return List.copyOf(commands);
  }

  /**
   * How long system-database calls retry through an outage: the builder's, else {@code
   * DBOS_DATABASE_RETRY_LIMIT} or {@code database.retry_limit} in the file (seconds, or an ISO-8601
   * duration such as {@code PT5M}), else three minutes.
   */
  private java.time.Duration retryLimit(Explicit explicit, JsonNode file) {
    if (explicit.databaseRetryLimit() != null) {
      return explicit.databaseRetryLimit();
    }
    JsonNode database = file == null ? null : file.get("database");
    String text = first(environment.get("DBOS_DATABASE_RETRY_LIMIT"), text(database, "retry_limit"), null, null);
    if (text == null) {
      return DbosConfig.DEFAULT_DATABASE_RETRY_LIMIT;
    }
    try {
      java.time.Duration limit =
          text.matches("\\d+") ? java.time.Duration.ofSeconds(Long.parseLong(text)) : java.time.Duration.parse(text);
      if (limit.isNegative()) {
        throw new IllegalArgumentException("negative");
      }
      return limit;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "invalid database retry limit '" + text + "' (DBOS_DATABASE_RETRY_LIMIT or database.retry_limit):"
              + " give seconds, e.g. 180, or an ISO-8601 duration, e.g. PT3M");
    }
  }

  private DatabaseUrl parse(String url, String which) {
    try {
      return DatabaseUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + which + " URL: " + e.getMessage(), e);
    }
  }

  private JsonNode readConfigFile() {
    if (configFile == null || !Files.isRegularFile(configFile)) {
      return null;
    }
    try {
      JsonNode root = new YAMLMapper().readTree(Files.readString(configFile));
      if (root != null && !root.isNull() && !root.isObject()) {
        throw new IllegalArgumentException(
            configFile + " must be a YAML mapping (name: ..., system_database_url: ...)");
      }
      return root == null || root.isNull() ? null : root;
    } catch (IOException | JacksonException e) {
      throw new IllegalArgumentException(
          "cannot read " + configFile.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    if (node == null || !node.hasNonNull(field)) {
      return null;
    }
    String value = node.get(field).asString().trim();
    return value.isEmpty() ? null : value;
  }

  private static String first(String a, String b, String c, String fallback) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    if (b != null && !b.isBlank()) {
      return b;
    }
    if (c != null && !c.isBlank()) {
      return c;
    }
    return fallback;
  }
}
