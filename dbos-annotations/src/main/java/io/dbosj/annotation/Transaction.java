package io.dbosj.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a transactional step: it runs inside one transaction of the application
 * database, reached through {@code DBOS.sql()} (a jOOQ {@code DSLContext}), and its output is
 * recorded in that same transaction, so its effects happen exactly once even across crashes.
 *
 * <pre>{@code
 * @Transaction
 * public int insertRow(String name) {
 *   return DBOS.sql().insertInto(EXAMPLE_TABLE).set(NAME, name).execute();
 * }
 * }</pre>
 *
 * <p>Serialization failures and deadlocks are retried; any other exception rolls back the user's
 * writes, is recorded, and is rethrown.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Transaction {
  /** The durable name recorded for this transaction. Defaults to the method's name. */
  String name() default "";

  /** The transaction's isolation level. */
  Isolation isolation() default Isolation.DEFAULT;

  /** Whether the transaction only reads. */
  boolean readOnly() default false;
}
