package io.dbosj.internal.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

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
      } else {
        throw new IllegalArgumentException("unexpected bind value type " + value.getClass());
      }
    }
  }

  static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
