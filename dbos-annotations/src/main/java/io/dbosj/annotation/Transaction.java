package io.dbosj.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a transactional step: its database work and its checkpoint commit together
 * in one transaction of the application database, so it takes effect exactly once.
 *
 * <p>Declared so that classes using it compile today; the processor reports, on the method, that
 * transactions are not available in this version of the library.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Transaction {
  /** The durable name recorded for this transaction. Defaults to the method's name. */
  String name() default "";

  /** Whether the transaction only reads. */
  boolean readOnly() default false;
}
