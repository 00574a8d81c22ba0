package io.dbosj.tests.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system schema of a test database as a set of lines, one per column (type, default,
 * nullability), index, constraint, function and trigger, so two schemas compare mechanically and
 * a difference names itself. io.dbosj's own tables, which DBOS has not, are left out.
 */
public final class SystemSchema {
  /** io.dbosj's tables beside DBOS's: its executor registry, what each executor's code runs, its transactions' outcomes. */
  public static final Set<String> OURS = Set.of("dbosj_executors", "dbosj_executor_scopes", "dbosj_queue_registrations", "transaction_outputs");

  private SystemSchema() {}

  /** PostgreSQL: what the catalog says of schema {@code dbos}. SQLite: its tables' columns and indexes. */
  public static Set<String> of(TestDatabase db) throws SQLException {
    return db.kind() == TestDatabase.Kind.POSTGRES ? postgres(db) : sqlite(db);
  }

  private static Set<String> postgres(TestDatabase db) throws SQLException {
    Set<String> lines = new TreeSet<>();
    query(
        db,
        lines,
        "select 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
            + " || case when a.attnotnull then ' not null' else '' end"
            + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), ''), c.relname"
            + " from pg_attribute a join pg_class c on c.oid = a.attrelid"
            + " join pg_namespace n on n.oid = c.relnamespace"
            + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
            + " where n.nspname = 'dbos' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped");
    query(db, lines, "select 'index ' || indexdef, tablename from pg_indexes where schemaname = 'dbos'");
    query(
        db,
        lines,
        "select 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid), c.relname"
            + " from pg_constraint k join pg_class c on c.oid = k.conrelid"
            + " where k.connamespace = 'dbos'::regnamespace");
    query(
        db,
        lines,
        "select 'function ' || p.proname || '(' || pg_get_function_arguments(p.oid) || ') returns '"
            + " || pg_get_function_result(p.oid) || ' ' || coalesce(array_to_string(p.proconfig, ','), ''), ''"
            + " from pg_proc p where p.pronamespace = 'dbos'::regnamespace");
    query(
        db,
        lines,
        "select 'trigger ' || pg_get_triggerdef(t.oid), c.relname from pg_trigger t"
            + " join pg_class c on c.oid = t.tgrelid where c.relnamespace = 'dbos'::regnamespace and not t.tgisinternal");
    return lines;
  }

  private static Set<String> sqlite(TestDatabase db) throws SQLException {
    Set<String> lines = new TreeSet<>();
    query(
        db,
        lines,
        "select 'column ' || m.name || '.' || p.name || case when p.\"notnull\" then ' not null' else '' end, m.name"
            + " from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table'");
    query(
        db,
        lines,
        "select 'index ' || name, tbl_name from sqlite_master where type = 'index' and name not like 'sqlite_autoindex%'");
    return lines;
  }

  /**
   * The SQLite shape of a PostgreSQL {@code pg_dump} resource: its tables' columns with their
   * nullability, and its indexes' names, as {@link #of} describes a SQLite database.
   */
  public static Set<String> sqliteShapeOfDump(String resource) throws IOException {
    String dump = text(resource);
    Set<String> lines = new TreeSet<>();
    Matcher table = Pattern.compile("CREATE TABLE dbos\\.(\\w+) \\((.*?)\\n\\);", Pattern.DOTALL).matcher(dump);
    while (table.find()) {
      for (String column : table.group(2).split(",\\n")) {
        String[] words = column.trim().split("\\s+");
        String name = words[0].replace("\"", "");
        lines.add("column " + table.group(1) + "." + name + (column.contains("NOT NULL") ? " not null" : ""));
      }
    }
    Matcher index = Pattern.compile("CREATE (?:UNIQUE )?INDEX (\\w+) ON").matcher(dump);
    while (index.find()) {
      lines.add("index " + index.group(1));
    }
    return lines;
  }

  /** Runs the SQL of a resource (a dump, say) on the database, statement by statement. */
  public static void load(TestDatabase db, String resource) throws IOException, SQLException {
    String script = text(resource);
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      if (db.kind() == TestDatabase.Kind.POSTGRES) {
        s.execute(script); // the driver splits it, dollar-quoted function bodies and all
      } else {
        for (String statement : script.split(";\\n")) {
          if (!statement.isBlank() && !statement.strip().startsWith("--")) {
            s.execute(statement);
          }
        }
      }
    }
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = SystemSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Adds the first column of each row whose second (its table) is not one of {@link #OURS}. */
  private static void query(TestDatabase db, Set<String> lines, String sql) throws SQLException {
    try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        if (!OURS.contains(rs.getString(2))) {
          lines.add(rs.getString(1));
        }
      }
    }
  }

  /** Lines of {@code actual} not in {@code expected}, then those of {@code expected} not in {@code actual}. */
  public static List<String> differences(Set<String> actual, Set<String> expected) {
    List<String> differences = new java.util.ArrayList<>();
    actual.stream().filter(line -> !expected.contains(line)).forEach(line -> differences.add("+ " + line));
    expected.stream().filter(line -> !actual.contains(line)).forEach(line -> differences.add("- " + line));
    return differences;
  }
}
