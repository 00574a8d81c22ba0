package io.dbosj.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * W8's floor: one party on a connection of its own that LISTENs on the channel named after it. A
 * send is one statement, so one commit: insert the row and {@code pg_notify} the destination's
 * channel (delivered when the insert commits). A receive deletes the party's oldest row in one
 * commit, and if there was none waits for a notification and tries again; LISTEN is on before the
 * first try, so a message that commits in between still wakes it.
 */
final class FloorMailbox implements Mailbox, AutoCloseable {
  static final String SCHEMA =
      "CREATE TABLE message (id BIGSERIAL PRIMARY KEY, destination TEXT NOT NULL, body INT NOT NULL);"
          + " CREATE INDEX ON message (destination, id)";
  private static final String SEND =
      "WITH sent AS (INSERT INTO message (destination, body) VALUES (?, ?) RETURNING destination)"
          + " SELECT pg_notify(destination, '') FROM sent";
  private static final String RECEIVE =
      "DELETE FROM message WHERE id = (SELECT id FROM message WHERE destination = ? ORDER BY id LIMIT 1)"
          + " RETURNING body";

  private final String name;
  private final Connection connection;
  private final PGConnection notifications;
  private final PreparedStatement send;
  private final PreparedStatement receive;

  /** {@code name} is the party's channel and destination: lower-case letters only. */
  FloorMailbox(Connection connection, String name) throws SQLException {
    this.name = name;
    this.connection = connection;
    this.notifications = connection.unwrap(PGConnection.class);
    try (Statement s = connection.createStatement()) {
      s.execute("LISTEN " + name);
    }
    this.send = connection.prepareStatement(SEND);
    this.receive = connection.prepareStatement(RECEIVE);
    receive.setString(1, name);
  }

  @Override
  public void send(String destinationId, int message) {
    try {
      send.setString(1, destinationId);
      send.setInt(2, message);
      send.executeQuery().close(); // autocommit: the insert and its notification in one commit
    } catch (SQLException e) {
      throw new IllegalStateException("floor: sending message " + message + " to " + destinationId, e);
    }
  }

  @Override
  public int receive() {
    long deadline = System.currentTimeMillis() + MessageExchange.TIMEOUT.toMillis();
    try {
      while (true) {
        try (ResultSet rs = receive.executeQuery()) {
          if (rs.next()) {
            return rs.getInt(1);
          }
        }
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          throw MessageExchange.noMessage("floor " + name);
        }
        notifications.getNotifications((int) left); // returns at the first notification, or at the deadline
      }
    } catch (SQLException e) {
      throw new IllegalStateException("floor: receiving a message for " + name, e);
    }
  }

  @Override
  public void close() throws SQLException {
    send.close();
    receive.close();
    connection.close();
  }
}
