package io.dbosj.tests.support;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code notifications} rows of a destination, read with plain SQL as DBOS's tools see them. */
public final class Notifications {
  private Notifications() {}

  /**
   * One line per message sent to {@code destinationId}, oldest first: its stored message (portable
   * JSON), its stored topic, and whether a recv consumed it, as {@code "\"hi\" @greetings consumed"}.
   */
  public static List<String> of(TestDatabase db, String destinationId) throws SQLException {
    List<String> lines = new ArrayList<>();
    for (List<String> row :
        db.rows(
            "SELECT message, topic, CASE WHEN consumed THEN 'consumed' ELSE 'unconsumed' END FROM "
                + db.table("notifications")
                + " WHERE destination_uuid = ? ORDER BY created_at_epoch_ms, message",
            destinationId)) {
      lines.add(row.get(0) + " @" + row.get(1) + " " + row.get(2));
    }
    return lines;
  }

  /** How many messages were sent to {@code destinationId}, consumed or not. */
  public static int count(TestDatabase db, String destinationId) throws SQLException {
    return Integer.parseInt(
        db.value("SELECT COUNT(*) FROM " + db.table("notifications") + " WHERE destination_uuid = ?", destinationId));
  }
}
