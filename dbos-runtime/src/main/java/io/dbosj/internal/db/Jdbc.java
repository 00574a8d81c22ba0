package io.dbosj.internal.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Binding and reading the nullable values the stores use. */
final class Jdbc {
  private Jdbc() {}

  static void bind(PreparedStatement statement, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      int index = i + 1;
      if (value == null) {
        statement.setNull(index, Types.NULL);
      } else if (value instanceof String s) {
        statement.setString(index, s);
      } else if (value instanceof Long l) {
        statement.setLong(index, l);
      } else if (value instanceof Integer n) {
        statement.setInt(index, n);
      } else if (value instanceof Double d) {
        statement.setDouble(index, d);
      } else if (value instanceof Boolean b) {
        statement.setBoolean(index, b);
      } else {
        throw new IllegalArgumentException("unexpected bind value type " + value.getClass());
      }
    }
  }

  /**
   * Has PostgreSQL plan {@code statement} for each execution instead of reusing a plan made once
   * for every value: a plan cached while the table was nearly empty (a new database) stays a
   * sequential scan as the table grows, until the next ANALYZE. Nothing on SQLite.
   */
  static void planEachTime(PreparedStatement statement) throws SQLException {
    if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
      statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
    }
  }

  /** {@code values} as a JSON array of strings, for the statements that bind a list as one value. */
  static String jsonArray(List<String> values) {
    StringBuilder json = new StringBuilder("[");
    for (String value : values) {
      json.append(json.length() > 1 ? "," : "").append('"');
      for (char ch : value.toCharArray()) {
        if (ch == '"' || ch == '\\') {
          json.append('\\').append(ch);
        } else if (ch < 0x20) {
          json.append(String.format("\\u%04x", (int) ch));
        } else {
          json.append(ch);
        }
      }
      json.append('"');
    }
    return json.append(']').toString();
  }

  static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
