package io.dbosj.annotation;

/** The isolation level of a {@link Transaction}, as JDBC names them. */
public enum Isolation {
  /** The database's default (READ COMMITTED on PostgreSQL, SERIALIZABLE on SQLite). */
  DEFAULT,
  READ_COMMITTED,
  REPEATABLE_READ,
  SERIALIZABLE
}
