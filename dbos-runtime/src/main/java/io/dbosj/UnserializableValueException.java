package io.dbosj;

/**
 * An argument or result of a durable method could not be written as JSON. Raised at the call,
 * before anything is recorded, naming the method, the value and its declared type.
 */
public class UnserializableValueException extends DbosException {
  private static final long serialVersionUID = 1L;

  public UnserializableValueException(String message, Throwable cause) {
    super(message, cause);
  }
}
