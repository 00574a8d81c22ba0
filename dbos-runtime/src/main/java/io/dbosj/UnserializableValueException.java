package io.dbosj;

/**
 * An argument or result of a durable method cannot be recorded: it could not be written as JSON,
 * or what was written does not read back as its declared type (a class with getters but no
 * creator Jackson can use, say), which a recovery after a crash would need. Raised at the call,
 * before the value is recorded, naming the method, the value and its declared type; the first
 * value of each class recorded as each declared type is read back, later ones are not.
 */
public class UnserializableValueException extends DbosException {
  private static final long serialVersionUID = 1L;

  public UnserializableValueException(String message, Throwable cause) {
    super(message, cause);
  }

  /** As rebuilt from a recorded error's message, when the outcome is read back from the database. */
  public UnserializableValueException(String message) {
    super(message);
  }
}
